/**
 * A moment as the console shows times everywhere (audit log, tenant page): UTC to the minute, with the exact
 * instant in `dateTime` so it is machine-readable and not re-interpreted in the viewer's zone.
 */
export function formatUtc(value: Date | string | null | undefined): string {
  if (!value) return "never";
  const iso = typeof value === "string" ? value : value.toISOString();
  return `${iso.replace("T", " ").slice(0, 16)} UTC`;
}

export function UtcTime({ value, fallback = "never" }: { value: Date | string | null | undefined; fallback?: string }) {
  if (!value) return <>{fallback}</>;
  const iso = typeof value === "string" ? value : value.toISOString();
  return <time dateTime={iso}>{formatUtc(iso)}</time>;
}
