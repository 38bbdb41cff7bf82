import "server-only";
import { and, asc, count, desc, eq, gte, ilike, lt, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { auditEvents } from "@/db/schema";
import type { PageResult } from "@/lib/table/params";
import type { AuditQuery } from "./list-schemas";

export type AuditRow = {
  id: number;
  occurredAt: Date;
  actorEmail: string | null;
  actorRole: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  outcome: "ok" | "denied" | "failed";
  before: unknown;
  after: unknown;
  reason: string | null;
  requestId: string;
};

// The allowlist: URL sort keys → columns. Nothing else can reach ORDER BY.
const sortColumns = {
  occurredAt: [auditEvents.occurredAt],
  actorEmail: [auditEvents.actorEmail],
  action: [auditEvents.action],
  outcome: [auditEvents.outcome],
  target: [auditEvents.targetType, auditEvents.targetId],
} as const;

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export function auditFilters(q: Omit<AuditQuery, "page" | "size" | "sort" | "dir" | "cols">): SQL | undefined {
  const where: (SQL | undefined)[] = [
    q.actor ? ilike(auditEvents.actorEmail, `${escapeLike(q.actor)}%`) : undefined,
    q.action ? ilike(auditEvents.action, `${escapeLike(q.action)}%`) : undefined,
    q.targetType ? eq(auditEvents.targetType, q.targetType) : undefined,
    q.targetId ? eq(auditEvents.targetId, q.targetId) : undefined,
    q.outcome ? eq(auditEvents.outcome, q.outcome) : undefined,
    q.from ? gte(auditEvents.occurredAt, q.from) : undefined,
    q.to ? lt(auditEvents.occurredAt, q.to) : undefined,
  ];
  return and(...where);
}

export async function listAuditEvents(db: Db, q: AuditQuery): Promise<PageResult<AuditRow>> {
  const where = auditFilters(q);
  const order = q.dir === "asc" ? asc : desc;
  // id breaks ties so pages never overlap or skip rows with equal sort keys.
  const orderBy = [...sortColumns[q.sort].map((c) => order(c)), order(auditEvents.id)];
  const [rows, [totals]] = await Promise.all([
    db
      .select({
        id: auditEvents.id,
        occurredAt: auditEvents.occurredAt,
        actorEmail: auditEvents.actorEmail,
        actorRole: auditEvents.actorRole,
        action: auditEvents.action,
        targetType: auditEvents.targetType,
        targetId: auditEvents.targetId,
        outcome: auditEvents.outcome,
        before: auditEvents.before,
        after: auditEvents.after,
        reason: auditEvents.reason,
        requestId: auditEvents.requestId,
      })
      .from(auditEvents)
      .where(where)
      .orderBy(...orderBy)
      .limit(q.size)
      .offset((q.page - 1) * q.size),
    db.select({ n: count() }).from(auditEvents).where(where),
  ]);
  return { rows, total: totals?.n ?? 0, page: q.page, size: q.size };
}

/** Distinct action names, for the filter's suggestions. */
export async function listAuditActions(db: Db): Promise<string[]> {
  const rows = await db.selectDistinct({ action: auditEvents.action }).from(auditEvents).orderBy(auditEvents.action);
  return rows.map((r) => r.action);
}
