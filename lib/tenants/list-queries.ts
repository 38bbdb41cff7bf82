import "server-only";
import { and, asc, desc, eq, gte, inArray, isNull, lt, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { awsAccounts, orgExceptions, staff, tenantContacts, tenants } from "@/db/schema";
import type { TenantFilters, TenantListQuery, TenantSort } from "./list-schemas";

/**
 * Counting every match is a scan, so the list counts exactly up to this many and, beyond, shows PostgreSQL's own
 * estimate ("1,000+ · about 59,000"). The page then costs the same at 1k tenants as at 100k.
 */
export const COUNT_CAP = 1_000;

// The allowlist: URL sort keys → SQL expressions. The id breaks ties (stable pages, keyset export).
export const sortExpressions: Record<TenantSort, SQL | typeof tenants.pumpId> = {
  lastActivity: sql`${tenants.lastActivityAt}`,
  pumpId: tenants.pumpId,
  name: sql`lower(${tenants.name})`,
  accounts: sql`${tenants.accountsCount}`,
  created: sql`${tenants.createdAt}`,
};

const OPEN_EXCEPTION = sql`${orgExceptions.state} in ('open', 'in_progress')`;
const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Each filter is an index-backed predicate on tenants; account-level filters are EXISTS over aws_accounts. */
export function tenantFilters(f: TenantFilters): SQL | undefined {
  const hasAccount = (condition: SQL) =>
    sql`exists (select 1 from ${awsAccounts} where ${awsAccounts.tenantId} = ${tenants.id} and ${condition})`;
  return and(
    f.state ? hasAccount(sql`${awsAccounts.onboardingState} = ${f.state}`) : undefined,
    f.roleType ? hasAccount(sql`${awsAccounts.roleType} = ${f.roleType}`) : undefined,
    f.membership ? hasAccount(sql`${awsAccounts.membership} = ${f.membership}`) : undefined,
    f.failing ? hasAccount(sql`${awsAccounts.verificationState} in ('failed', 'unprotected')`) : undefined,
    f.exception
      ? hasAccount(
          sql`exists (select 1 from ${orgExceptions} where ${orgExceptions.awsAccountId} = ${awsAccounts.id} and ${OPEN_EXCEPTION})`,
        )
      : undefined,
    f.manager === "none"
      ? isNull(tenants.accountManagerId)
      : f.manager
        ? eq(tenants.accountManagerId, f.manager)
        : undefined,
    f.createdFrom ? gte(tenants.createdAt, f.createdFrom) : undefined,
    f.createdTo ? lt(tenants.createdAt, f.createdTo) : undefined,
    f.q ? freeText(f.q) : undefined,
  );
}

/** Pump ID, name (substring, pg_trgm), contact email (prefix) or account ID (prefix, digits only). */
function freeText(q: string): SQL {
  const lower = q.toLowerCase();
  const digits = q.replace(/[\s-]/g, "");
  const sources: SQL[] = [
    sql`select ${tenants.id} from ${tenants} where ${tenants.pumpId} = ${q.toUpperCase()} or lower(${tenants.name}) like ${`%${escapeLike(lower)}%`}`,
    sql`select ${tenantContacts.tenantId} from ${tenantContacts} where lower(${tenantContacts.email}) like ${`${escapeLike(lower)}%`}`,
  ];
  if (/^\d{4,12}$/.test(digits)) {
    sources.push(
      sql`select ${awsAccounts.tenantId} from ${awsAccounts} where ${awsAccounts.accountId} like ${`${digits}%`}`,
    );
  }
  return sql`${tenants.id} in (${sql.join(sources, sql` union `)})`;
}

export type TenantListRow = {
  id: string;
  pumpId: string;
  name: string;
  accountsCount: number;
  managerName: string | null;
  lastActivityAt: Date;
  createdAt: Date;
};

export type TenantGlance = {
  states: Partial<Record<(typeof awsAccounts.onboardingState.enumValues)[number], number>>;
  failing: number;
  openExceptions: number;
};

const listColumns = {
  id: tenants.id,
  pumpId: tenants.pumpId,
  name: tenants.name,
  accountsCount: tenants.accountsCount,
  managerName: staff.name,
  lastActivityAt: tenants.lastActivityAt,
  createdAt: tenants.createdAt,
};

export function orderFor(sort: TenantSort, dir: "asc" | "desc") {
  const by = dir === "asc" ? asc : desc;
  return [by(sortExpressions[sort]), by(tenants.id)];
}

export async function listTenants(db: Db, q: TenantListQuery) {
  const where = tenantFilters(q);
  const [rows, [counted]] = await Promise.all([
    db
      .select(listColumns)
      .from(tenants)
      .leftJoin(staff, eq(staff.id, tenants.accountManagerId))
      .where(where)
      .orderBy(...orderFor(q.sort, q.dir))
      .limit(q.size)
      .offset((q.page - 1) * q.size),
    db.select({ n: sql<number>`count(*)::int` }).from(
      db
        .select({ one: sql`1` })
        .from(tenants)
        .where(where)
        .limit(COUNT_CAP + 1)
        .as("capped"),
    ),
  ]);
  const total = counted?.n ?? 0;
  const [glance, estimate] = await Promise.all([
    tenantGlances(
      db,
      rows.map((r) => r.id),
    ),
    total > COUNT_CAP ? estimateCount(db, where) : undefined,
  ]);
  return {
    rows: rows.map((r) => ({ ...r, glance: glance.get(r.id) ?? { states: {}, failing: 0, openExceptions: 0 } })),
    total: Math.min(total, COUNT_CAP),
    totalIsCapped: total > COUNT_CAP,
    estimatedTotal: estimate,
    page: q.page,
    size: q.size,
  };
}

/** The planner's row estimate for the filtered list: a millisecond, not a scan. */
async function estimateCount(db: Db, where: SQL | undefined): Promise<number | undefined> {
  const plan = await db.execute(sql`explain (format json) ${db.select({ id: tenants.id }).from(tenants).where(where)}`);
  const rows = (plan as unknown as { rows: Record<string, unknown>[] }).rows;
  const raw = rows[0]?.["QUERY PLAN"];
  const parsed = (typeof raw === "string" ? JSON.parse(raw) : raw) as { Plan?: { "Plan Rows"?: number } }[] | undefined;
  const estimate = parsed?.[0]?.Plan?.["Plan Rows"];
  return typeof estimate === "number" ? Math.max(COUNT_CAP + 1, Math.round(estimate)) : undefined;
}

/** States at a glance for one page of tenants: one grouped query, not one per row. */
export async function tenantGlances(db: Db, tenantIds: string[]): Promise<Map<string, TenantGlance>> {
  const result = new Map<string, TenantGlance>();
  if (tenantIds.length === 0) return result;
  const rows = await db
    .select({
      tenantId: awsAccounts.tenantId,
      state: awsAccounts.onboardingState,
      n: sql<number>`count(*)::int`,
      failing: sql<number>`count(*) filter (where ${awsAccounts.verificationState} in ('failed', 'unprotected'))::int`,
      exceptions: sql<number>`count(*) filter (where exists (select 1 from ${orgExceptions} where ${orgExceptions.awsAccountId} = ${awsAccounts.id} and ${OPEN_EXCEPTION}))::int`,
    })
    .from(awsAccounts)
    .where(inArray(awsAccounts.tenantId, tenantIds))
    .groupBy(awsAccounts.tenantId, awsAccounts.onboardingState);
  for (const r of rows) {
    const g = result.get(r.tenantId) ?? { states: {}, failing: 0, openExceptions: 0 };
    g.states[r.state] = r.n;
    g.failing += r.failing;
    g.openExceptions += r.exceptions;
    result.set(r.tenantId, g);
  }
  return result;
}

/** Account managers to filter by: staff who can be assigned tenants. */
export function listAccountManagers(db: Db) {
  return db
    .select({ id: staff.id, name: staff.name })
    .from(staff)
    .where(and(inArray(staff.role, ["account_manager", "admin"]), isNull(staff.disabledAt)))
    .orderBy(asc(staff.name));
}
