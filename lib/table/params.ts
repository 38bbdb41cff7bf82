import { z } from "zod";

/**
 * Shared URL state of every server-side table: `?page=2&size=50&sort=occurredAt&dir=desc&cols=a,b` plus each
 * feature's own filters. Each feature passes its allowlist of sortable columns: anything else is refused by zod,
 * never interpolated into SQL.
 */
export const PAGE_SIZES = [25, 50, 100] as const;

export function tableParamsSchema<const S extends readonly [string, ...string[]]>(sortable: S, defaultSort: S[number]) {
  return z.object({
    page: z.coerce.number().int().min(1).max(100_000).catch(1),
    size: z.coerce
      .number()
      .refine((n) => (PAGE_SIZES as readonly number[]).includes(n))
      .catch(PAGE_SIZES[0]),
    sort: z.enum(sortable).catch(defaultSort),
    dir: z.enum(["asc", "desc"]).catch("desc"),
    cols: z
      .string()
      .optional()
      .transform((v) => (v ? v.split(",").filter(Boolean) : undefined)),
  });
}

/** Next hands searchParams as string | string[]; tables use the first value of each key. */
export function firstValues(searchParams: Record<string, string | string[] | undefined>) {
  return Object.fromEntries(Object.entries(searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])) as Record<
    string,
    string | undefined
  >;
}

export type PageResult<Row> = { rows: Row[]; total: number; page: number; size: number };
