import "server-only";
import { and, asc, count, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { awsAccounts, orgInvites, pumpOrganizations, tenants } from "@/db/schema";
import type { InviteFilter } from "./list-schemas";
import { organizationUsage } from "./usage";

/** Read models of the Invites and Organizations pages. Filters are allowlisted values, never interpolated. */

export const INVITES_PAGE_SIZE = 50;

function filterSql(filter: InviteFilter): SQL | undefined {
  switch (filter) {
    case "all":
      return undefined;
    case "pending":
      return and(eq(orgInvites.phase, "sent"), inArray(orgInvites.state, ["OPEN", "REQUESTED"]));
    case "queued":
    case "in_flight":
    case "failed":
      return eq(orgInvites.phase, filter);
    default:
      return and(eq(orgInvites.phase, "sent"), eq(orgInvites.state, filter));
  }
}

export async function listInvites(db: Db, p: { filter: InviteFilter; pumpOrganizationId?: string; page: number }) {
  const where = and(
    filterSql(p.filter),
    p.pumpOrganizationId ? eq(orgInvites.pumpOrganizationId, p.pumpOrganizationId) : undefined,
  );
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: orgInvites.id,
        phase: orgInvites.phase,
        state: orgInvites.state,
        source: orgInvites.source,
        handshakeId: orgInvites.handshakeId,
        requestedBy: orgInvites.requestedBy,
        requestedAt: orgInvites.requestedAt,
        expiresAt: orgInvites.expiresAt,
        endedAt: orgInvites.endedAt,
        lastSyncedAt: orgInvites.lastSyncedAt,
        failureMessage: orgInvites.failureMessage,
        awsAccountId: awsAccounts.id,
        accountId: awsAccounts.accountId,
        accountName: awsAccounts.name,
        pumpId: tenants.pumpId,
        tenantName: tenants.name,
        organizationName: pumpOrganizations.name,
        organizationId: pumpOrganizations.orgId,
      })
      .from(orgInvites)
      .innerJoin(awsAccounts, eq(awsAccounts.id, orgInvites.awsAccountId))
      .innerJoin(tenants, eq(tenants.id, awsAccounts.tenantId))
      .innerJoin(pumpOrganizations, eq(pumpOrganizations.id, orgInvites.pumpOrganizationId))
      .where(where)
      // Pending and in-doubt first (what needs attention), then newest.
      .orderBy(
        asc(
          sql`case when ${orgInvites.phase} in ('in_flight', 'queued') then 0 when ${orgInvites.state} in ('OPEN', 'REQUESTED') then 1 else 2 end`,
        ),
        desc(orgInvites.requestedAt),
        desc(orgInvites.id),
      )
      .limit(INVITES_PAGE_SIZE)
      .offset((p.page - 1) * INVITES_PAGE_SIZE),
    db.select({ n: count() }).from(orgInvites).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}
export type InviteListRow = Awaited<ReturnType<typeof listInvites>>["rows"][number];

export async function listOrganizationsWithUsage(db: Db, now = new Date()) {
  const orgs = await db
    .select()
    .from(pumpOrganizations)
    .orderBy(desc(pumpOrganizations.isDefault), asc(pumpOrganizations.name));
  return Promise.all(
    orgs.map(async (o) => ({
      id: o.id,
      name: o.name,
      orgId: o.orgId,
      managementAccountId: o.managementAccountId,
      operatorRoleArn: o.operatorRoleArn,
      isDefault: o.isDefault,
      invitesSyncedAt: o.invitesSyncedAt,
      usage: await organizationUsage(db, o, now),
    })),
  );
}
export type OrganizationWithUsage = Awaited<ReturnType<typeof listOrganizationsWithUsage>>[number];

/** The tenant's chosen inviting organization (null = Pump's default), for the tenant form. */
export async function tenantDefaultOrganization(db: Db, tenantId: string) {
  const [row] = await db
    .select({ id: tenants.defaultPumpOrganizationId })
    .from(tenants)
    .where(eq(tenants.id, tenantId));
  return row?.id ?? null;
}

/** The organizations staff can pick from (for the invite forms). */
export const listOrganizationChoices = (db: Db) =>
  db
    .select({
      id: pumpOrganizations.id,
      name: pumpOrganizations.name,
      orgId: pumpOrganizations.orgId,
      isDefault: pumpOrganizations.isDefault,
    })
    .from(pumpOrganizations)
    .orderBy(asc(pumpOrganizations.name));
