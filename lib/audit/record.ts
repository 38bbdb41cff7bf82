import "server-only";
import type { Db } from "@/db/client";
import { auditEvents } from "@/db/schema";
import type { StaffPrincipal } from "@/lib/auth/principal";
import { redact } from "./redact";

export type AuditOutcome = (typeof auditEvents.outcome.enumValues)[number];

export type AuditEntry = {
  action: string;
  targetType?: string;
  targetId?: string;
  outcome?: AuditOutcome;
  before?: unknown;
  after?: unknown;
  reason?: string;
};

/** The actor of an audit row: a staff member, or the system (callbacks, reconcilers, scripts). */
export type AuditActor = Pick<StaffPrincipal, "id" | "email" | "role"> | { system: string };

/**
 * Writes one audit row. Pass the transaction that makes the change, so the row and the change commit or roll back
 * together. Before/after are redacted here, whatever the caller passes.
 */
export async function recordAudit(db: Db, actor: AuditActor | null, requestId: string, entry: AuditEntry) {
  const who =
    actor === null
      ? { actorId: null, actorEmail: null, actorRole: null }
      : "system" in actor
        ? { actorId: null, actorEmail: `system:${actor.system}`, actorRole: "system" }
        : { actorId: actor.id, actorEmail: actor.email, actorRole: actor.role };
  await db.insert(auditEvents).values({
    ...who,
    action: entry.action,
    targetType: entry.targetType ?? null,
    targetId: entry.targetId ?? null,
    outcome: entry.outcome ?? "ok",
    before: entry.before === undefined ? null : redact(entry.before),
    after: entry.after === undefined ? null : redact(entry.after),
    reason: entry.reason ?? null,
    requestId,
  });
}
