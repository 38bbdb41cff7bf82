import diff from "microdiff";

export type DiffLine = { path: string; kind: "added" | "removed" | "changed"; before?: unknown; after?: unknown };

const asObject = (v: unknown): Record<string, unknown> =>
  v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : v == null ? {} : { value: v };

/** Before/after of an audit row as readable lines: `role: support → admin`. */
export function auditDiff(before: unknown, after: unknown): DiffLine[] {
  return diff(asObject(before), asObject(after)).map((d) => {
    const path = d.path.join(".");
    if (d.type === "CREATE") return { path, kind: "added", after: d.value };
    if (d.type === "REMOVE") return { path, kind: "removed", before: d.oldValue };
    return { path, kind: "changed", before: d.oldValue, after: d.value };
  });
}
