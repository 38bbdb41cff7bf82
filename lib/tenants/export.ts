import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { staff, tenants } from "@/db/schema";
import { formatUtcIso } from "@/lib/format/utc";
import { onboardingLabels } from "./labels";
import { orderFor, sortExpressions, tenantFilters, tenantGlances, type TenantListRow } from "./list-queries";
import type { TenantListQuery } from "./list-schemas";

const BATCH = 1000;

type BatchRow = TenantListRow & { sortValue: unknown };

export type TenantCsvRow = {
  pumpId: string;
  name: string;
  accounts: number;
  states: string;
  failingVerification: number;
  openExceptions: number;
  accountManager: string;
  lastActivityUtc: string;
  createdUtc: string;
};

/**
 * Every tenant matching the filters, in the list's order, a batch at a time. Keyset pagination on (sort key, id)
 * keeps each batch an index range scan, so 100k rows stream in constant memory and constant time per batch.
 */
export async function* exportTenants(db: Db, q: TenantListQuery): AsyncGenerator<TenantCsvRow[]> {
  const where = tenantFilters(q);
  const key = sortExpressions[q.sort];
  const after = q.dir === "asc" ? sql`>` : sql`<`;
  let cursor: { value: unknown; id: string } | null = null;
  for (;;) {
    const rows: BatchRow[] = await db
      .select({
        id: tenants.id,
        pumpId: tenants.pumpId,
        name: tenants.name,
        accountsCount: tenants.accountsCount,
        managerName: staff.name,
        lastActivityAt: tenants.lastActivityAt,
        createdAt: tenants.createdAt,
        sortValue: sql<unknown>`${key}`,
      })
      .from(tenants)
      .leftJoin(staff, eq(staff.id, tenants.accountManagerId))
      .where(and(where, cursor ? sql`(${key}, ${tenants.id}) ${after} (${cursor.value}, ${cursor.id})` : undefined))
      .orderBy(...orderFor(q.sort, q.dir))
      .limit(BATCH);
    if (rows.length === 0) return;
    const glances = await tenantGlances(
      db,
      rows.map((r) => r.id),
    );
    yield rows.map((r) => {
      const g = glances.get(r.id);
      return {
        pumpId: r.pumpId,
        name: r.name,
        accounts: r.accountsCount,
        states: Object.entries(g?.states ?? {})
          .map(([state, n]) => `${onboardingLabels[state as keyof typeof onboardingLabels]}: ${n}`)
          .join("; "),
        failingVerification: g?.failing ?? 0,
        openExceptions: g?.openExceptions ?? 0,
        accountManager: r.managerName ?? "",
        lastActivityUtc: formatUtcIso(r.lastActivityAt),
        createdUtc: formatUtcIso(r.createdAt),
      };
    });
    if (rows.length < BATCH) return;
    const last = rows[rows.length - 1]!;
    cursor = { value: last.sortValue, id: last.id };
  }
}

export const csvColumns: { key: keyof TenantCsvRow; header: string }[] = [
  { key: "pumpId", header: "Pump ID" },
  { key: "name", header: "Name" },
  { key: "accounts", header: "AWS accounts" },
  { key: "states", header: "Onboarding states" },
  { key: "failingVerification", header: "Accounts failing verification" },
  { key: "openExceptions", header: "Open exceptions" },
  { key: "accountManager", header: "Account manager" },
  { key: "lastActivityUtc", header: "Last activity (UTC)" },
  { key: "createdUtc", header: "Created (UTC)" },
];
