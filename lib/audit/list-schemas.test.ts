import { describe, expect, it } from "vitest";
import { auditEvents } from "@/db/schema";
import { auditOutcomeLabels, loadAuditList, serializeAuditList, type AuditQuery } from "./list-schemas";

const everything: AuditQuery = {
  page: 2,
  size: 100,
  sort: "actorEmail",
  dir: "asc",
  cols: ["occurredAt", "action"],
  actor: "support@",
  action: "staff.change_role",
  targetType: "staff",
  targetId: "0b0e7b52-6c2a-4a53-9f0a-2f8b8f1b7c11",
  outcome: "denied",
  from: new Date("2025-03-10T08:00:00Z"),
  to: new Date("2025-03-10T17:30:15Z"),
};

describe("the audit page's URL", () => {
  it("round-trips every key: a shared link reopens the same view", () => {
    expect(loadAuditList(serializeAuditList(everything))).toEqual(everything);
  });

  it("reads a datetime-local field (no zone) as UTC", () => {
    expect(loadAuditList("?from=2025-03-10T08:00").from?.toISOString()).toBe("2025-03-10T08:00:00.000Z");
  });

  it("falls back to the default view for junk instead of failing", () => {
    const junk = { sort: "occurred_at desc; --", dir: "", outcome: "maybe", from: "noon", to: "2025-02-31T25:00" };
    expect(loadAuditList(junk)).toEqual(loadAuditList(""));
  });

  it("filters by exactly the schema's outcomes", () => {
    expect(Object.keys(auditOutcomeLabels).sort()).toEqual([...auditEvents.outcome.enumValues].sort());
  });
});
