// `nuqs/server` is nuqs's entry without "use client": these parsers run in server components too.
import { createParser, parseAsArrayOf, parseAsString, parseAsStringLiteral, type Options } from "nuqs/server";
import { z } from "zod";

/**
 * The URL state of every server-side table, as nuqs parsers: `?page=2&size=50&sort=occurredAt&dir=desc&cols=a,b`
 * plus each feature's own filters. Each table declares its state once (`lib/<feature>/list-schemas.ts`); the page
 * parses it on the server with that declaration's loader, the table shell reads and writes it in the browser with
 * `useQueryStates`, and links and forms are written by its serializer, so every side agrees on every key.
 *
 * A parser returns null for whatever it does not accept, and nuqs then uses the default: a mangled link shows the
 * default view instead of failing. Sort keys and enum filters are allowlists, so a value from the URL reaches SQL
 * only as one of the feature's own literals, never as text to interpolate.
 */

export const PAGE_SIZES = [25, 50, 100] as const;
const MAX_PAGE = 100_000;
const MAX_TEXT = 200;

export const parseAsPage = createParser({
  parse: (v) => {
    const n = Number(v);
    return Number.isInteger(n) && n >= 1 && n <= MAX_PAGE ? n : null;
  },
  serialize: String,
}).withDefault(1);

export const parseAsPageSize = createParser<number>({
  parse: (v) => {
    const n = Number(v);
    return (PAGE_SIZES as readonly number[]).includes(n) ? n : null;
  },
  serialize: String,
}).withDefault(PAGE_SIZES[0]);

export const SORT_DIRECTIONS = ["asc", "desc"] as const;
export type SortDirection = (typeof SORT_DIRECTIONS)[number];
export const parseAsDirection = parseAsStringLiteral(SORT_DIRECTIONS).withDefault("desc");

const idList = parseAsArrayOf(parseAsString);
/** Visible column ids; none (or only empty ones) means "all columns". The shell ignores ids it has no column for. */
export const parseAsColumnIds = createParser({
  parse: (v) => {
    const ids = idList.parse(v)?.filter(Boolean) ?? [];
    return ids.length > 0 ? ids : null;
  },
  serialize: idList.serialize,
  eq: idList.eq,
});

/** Free text: trimmed; empty or longer than a person would type means "no filter". */
export const parseAsSearchText = createParser({
  parse: (v) => {
    const text = v.trim();
    return text.length > 0 && text.length <= MAX_TEXT ? text : null;
  },
  serialize: (v) => v,
});

const uuid = z.uuid();
export const parseAsUuid = createParser({
  parse: (v) => (uuid.safeParse(v).success ? v : null),
  serialize: (v) => v,
});

/** Date and `datetime-local` inputs carry no zone; the pages label them UTC, so a value without one is read as UTC. */
function parseUtc(v: string): Date | null {
  if (!/^\d{4}-\d\d-\d\d/.test(v)) return null;
  const zoned = /(z|[+-]\d\d:\d\d)$/i.test(v) ? v : `${v}${v.length === 10 ? "T00:00:00" : ""}Z`;
  const date = new Date(zoned);
  return Number.isNaN(date.getTime()) ? null : date;
}
const sameInstant = (a: Date, b: Date) => a.getTime() === b.getTime();
// Written without the zone, as the input shows it; seconds and milliseconds only when there are some.
const localIso = (d: Date) =>
  d
    .toISOString()
    .slice(0, -1)
    .replace(/\.000$/, "")
    .replace(/T(\d\d:\d\d):00$/, "T$1");

/** For `<input type="date">`: a midnight is written as the day (`2025-03-10`), anything else in full. */
export const parseAsUtcDate = createParser({
  parse: parseUtc,
  serialize: (d) => {
    const iso = localIso(d);
    return iso.endsWith("T00:00") ? iso.slice(0, 10) : iso;
  },
  eq: sameInstant,
});

/** For `<input type="datetime-local">`: `2025-03-10T12:00`, with seconds only when there are some. */
export const parseAsUtcDateTime = createParser({ parse: parseUtc, serialize: localIso, eq: sameInstant });

/** Page, size, sort (one of the table's own keys), direction and visible columns of a sortable table. */
export function sortableTableParams<const S extends string>(sortable: readonly S[], defaultSort: NoInfer<S>) {
  return {
    page: parseAsPage,
    size: parseAsPageSize,
    sort: parseAsStringLiteral(sortable).withDefault(defaultSort),
    dir: parseAsDirection,
    cols: parseAsColumnIds,
  };
}

/** Page and visible columns of a table with a fixed order and page size. */
export const fixedTableParams = { page: parseAsPage, cols: parseAsColumnIds };

/**
 * What the table shell needs of a table's parsers. Declared with methods, whose parameters TypeScript compares
 * loosely, so a parser of the table's own sort keys fits where the shell only handles strings; the shell still
 * runs every key it writes through that parser.
 */
type UrlParser<T> = Options & {
  parse(value: string): T | null;
  serialize(value: T): string;
  eq(a: T, b: T): boolean;
};
type WithDefault<T> = UrlParser<T> & { readonly defaultValue: T };
export type TableUrlState = {
  page: WithDefault<number>;
  cols: UrlParser<string[]>;
  size?: WithDefault<number>;
  sort?: WithDefault<string>;
  dir?: WithDefault<SortDirection>;
};

/** A serialized query as name → value pairs, for the fields of a GET form. */
export const formValues = (query: string): Record<string, string> => Object.fromEntries(new URLSearchParams(query));

export type PageResult<Row> = { rows: Row[]; total: number; page: number; size: number };
