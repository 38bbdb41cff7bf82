import { bigserial, index, jsonb, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { staff } from "./staff";

export const auditOutcome = pgEnum("audit_outcome", ["ok", "denied", "failed"]);

/**
 * Append-only: a trigger (migration 0001) refuses UPDATE, DELETE and TRUNCATE, so even a compromised console
 * process cannot rewrite history. Rows are written in the same transaction as the change they record.
 */
export const auditEvents = pgTable(
  "audit_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull().defaultNow(),
    // Actor columns are copied, not only referenced: the row must stay readable if the staff row changes.
    actorId: uuid("actor_id").references(() => staff.id),
    actorEmail: text("actor_email"),
    actorRole: text("actor_role"),
    action: text("action").notNull(),
    targetType: text("target_type"),
    targetId: text("target_id"),
    outcome: auditOutcome("outcome").notNull(),
    before: jsonb("before"),
    after: jsonb("after"),
    reason: text("reason"),
    requestId: text("request_id").notNull(),
  },
  (t) => [
    index("audit_events_occurred_idx").on(t.occurredAt.desc()),
    index("audit_events_actor_idx").on(t.actorEmail, t.occurredAt.desc()),
    index("audit_events_action_idx").on(t.action, t.occurredAt.desc()),
    index("audit_events_target_idx").on(t.targetType, t.targetId, t.occurredAt.desc()),
  ],
);
