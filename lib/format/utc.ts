import { utc } from "@date-fns/utc";
import { format } from "date-fns";

/**
 * How the console writes a moment: always in UTC, whatever the viewer's or the server's zone, so a support
 * engineer, an audit reader and a CSV agree on the same instant. One module, one pattern per use; each takes a Date,
 * an epoch millisecond or an ISO string (what DTOs carry). Pure: importable from pages, components and lib alike.
 */
export type Moment = Date | number | string;

const inUtc = (value: Moment, pattern: string) => format(value, pattern, { in: utc });

/** `2026-01-05 14:03 UTC`: the console's times in running text (tenant page, organizations, invites). */
export function formatUtc(value: Moment | null | undefined, fallback = "never"): string {
  return value === null || value === undefined || value === "" ? fallback : inUtc(value, "yyyy-MM-dd HH:mm 'UTC'");
}

/** `2026-01-05 14:03`: a table cell under a header that already says "(UTC)". */
export const formatUtcMinute = (value: Moment) => inUtc(value, "yyyy-MM-dd HH:mm");

/** `2026-01-05 14:03:07`: the audit log, where events a second apart must read in order. */
export const formatUtcSecond = (value: Moment) => inUtc(value, "yyyy-MM-dd HH:mm:ss");

/** `2026-01-05`: a day, as in "This link expired on 2026-01-05." */
export const formatUtcDate = (value: Moment) => inUtc(value, "yyyy-MM-dd");

/** `2026-01-05-14-03-07`: a moment inside a file name (no `:`, which some file systems refuse). */
export const formatUtcFileStamp = (value: Moment) => inUtc(value, "yyyy-MM-dd-HH-mm-ss");

/** `2026-01-05T14:03:07.123Z`: ISO 8601 for machines (CSV cells, `<time dateTime>`), as `Date#toISOString`. */
export const formatUtcIso = (value: Moment) => inUtc(value, "yyyy-MM-dd'T'HH:mm:ss.SSS'Z'");
