/** Times on the tenant page are UTC, like the audit log: `2026-01-05 14:03 UTC`. */
export function formatUtc(iso: string | null): string {
  return iso ? `${iso.replace("T", " ").slice(0, 16)} UTC` : "never";
}
