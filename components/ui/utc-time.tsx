import { formatUtc, formatUtcIso, type Moment } from "@/lib/format/utc";

/**
 * A moment as the console shows times everywhere (audit log, tenant page): UTC to the minute, with the exact
 * instant in `dateTime` so it is machine-readable and not re-interpreted in the viewer's zone.
 */
export function UtcTime({ value, fallback = "never" }: { value: Moment | null | undefined; fallback?: string }) {
  if (value === null || value === undefined || value === "") return <>{fallback}</>;
  return <time dateTime={formatUtcIso(value)}>{formatUtc(value)}</time>;
}
