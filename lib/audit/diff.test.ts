import { describe, expect, it } from "vitest";
import { auditDiff } from "./diff";

describe("auditDiff", () => {
  it("lists changed, added and removed fields by path", () => {
    expect(
      auditDiff({ role: "support", name: "A", tags: { x: 1 } }, { role: "admin", email: "a@x", tags: { x: 2 } }),
    ).toEqual([
      { path: "role", kind: "changed", before: "support", after: "admin" },
      { path: "name", kind: "removed", before: "A" },
      { path: "tags.x", kind: "changed", before: 1, after: 2 },
      { path: "email", kind: "added", after: "a@x" },
    ]);
  });
  it("treats a missing side as empty (creations and deletions)", () => {
    expect(auditDiff(null, { role: "admin" })).toEqual([{ path: "role", kind: "added", after: "admin" }]);
    expect(auditDiff({ role: "admin" }, null)).toEqual([{ path: "role", kind: "removed", before: "admin" }]);
  });
});
