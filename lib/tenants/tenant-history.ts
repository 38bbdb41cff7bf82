import "server-only";
import { and, desc, eq, inArray, or } from "drizzle-orm";
import type { Db } from "@/db/client";
import { auditEvents, staff } from "@/db/schema";
import { describeEvent } from "./timeline";

export const TIMELINE_LIMIT = 100;
export const AUDIT_TRAIL_LIMIT = 50;

/**
 * What happened to the tenant and its accounts, newest first, in sentences. Only successful changes: refusals
 * belong to the audit trail below it. Before/after are read to phrase the sentence and never leave this function.
 */
export async function listTenantTimeline(db: Db, tenantId: string, accountIds: Record<string, string>) {
  const accountUuids = Object.keys(accountIds);
  const target = or(
    and(eq(auditEvents.targetType, "tenant"), eq(auditEvents.targetId, tenantId)),
    accountUuids.length
      ? and(eq(auditEvents.targetType, "aws_account"), inArray(auditEvents.targetId, accountUuids))
      : undefined,
  );
  const rows = await db
    .select({
      id: auditEvents.id,
      occurredAt: auditEvents.occurredAt,
      action: auditEvents.action,
      targetType: auditEvents.targetType,
      targetId: auditEvents.targetId,
      actorName: staff.name,
      actorEmail: auditEvents.actorEmail,
      before: auditEvents.before,
      after: auditEvents.after,
    })
    .from(auditEvents)
    .leftJoin(staff, eq(staff.id, auditEvents.actorId))
    .where(and(eq(auditEvents.outcome, "ok"), target))
    .orderBy(desc(auditEvents.occurredAt), desc(auditEvents.id))
    .limit(TIMELINE_LIMIT);
  return rows.map((r) => ({
    id: r.id,
    occurredAt: r.occurredAt.toISOString(),
    sentence: describeEvent({
      ...r,
      accountId: r.targetType === "aws_account" && r.targetId ? (accountIds[r.targetId] ?? null) : null,
    }),
  }));
}
export type TimelineEntry = Awaited<ReturnType<typeof listTenantTimeline>>[number];

/** The tenant's own audit rows, every outcome (refusals included), as stored. */
export async function listTenantAuditTrail(db: Db, tenantId: string) {
  const rows = await db
    .select({
      id: auditEvents.id,
      occurredAt: auditEvents.occurredAt,
      actorEmail: auditEvents.actorEmail,
      actorRole: auditEvents.actorRole,
      action: auditEvents.action,
      outcome: auditEvents.outcome,
      reason: auditEvents.reason,
    })
    .from(auditEvents)
    .where(and(eq(auditEvents.targetType, "tenant"), eq(auditEvents.targetId, tenantId)))
    .orderBy(desc(auditEvents.occurredAt), desc(auditEvents.id))
    .limit(AUDIT_TRAIL_LIMIT);
  return rows.map((r) => ({ ...r, occurredAt: r.occurredAt.toISOString() }));
}
export type AuditTrailRow = Awaited<ReturnType<typeof listTenantAuditTrail>>[number];
