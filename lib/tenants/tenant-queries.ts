import "server-only";
import { and, asc, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { awsAccounts, orgExceptions, orgInvites, pumpOrganizations, staff, tenants } from "@/db/schema";
import { maskExternalId } from "./external-id";
import { listTenantAuditTrail, listTenantTimeline } from "./tenant-history";
import { listContacts, managerRoles } from "./write-queries";

// Reads for the tenant page and its forms. Each returns a DTO of explicit columns with dates as ISO strings,
// ready to hand to client components. None of them selects an External ID value (see secret-queries.ts).

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export async function getTenantHeader(db: Db, pumpId: string) {
  const [row] = await db
    .select({
      id: tenants.id,
      pumpId: tenants.pumpId,
      name: tenants.name,
      notes: tenants.notes,
      accountManagerId: tenants.accountManagerId,
      managerName: staff.name,
      managerEmail: staff.email,
      accountsCount: tenants.accountsCount,
      defaultPumpOrganizationId: tenants.defaultPumpOrganizationId,
      createdAt: tenants.createdAt,
      lastActivityAt: tenants.lastActivityAt,
    })
    .from(tenants)
    .leftJoin(staff, eq(staff.id, tenants.accountManagerId))
    .where(eq(tenants.pumpId, pumpId));
  if (!row) return null;
  const { managerName, managerEmail, createdAt, lastActivityAt, ...rest } = row;
  return {
    ...rest,
    accountManager: managerName && managerEmail ? { name: managerName, email: managerEmail } : null,
    contacts: await listContacts(db, row.id),
    createdAt: createdAt.toISOString(),
    lastActivityAt: lastActivityAt.toISOString(),
  };
}
export type TenantHeader = NonNullable<Awaited<ReturnType<typeof getTenantHeader>>>;

const accountColumns = {
  id: awsAccounts.id,
  accountId: awsAccounts.accountId,
  name: awsAccounts.name,
  email: awsAccounts.email,
  roleArn: awsAccounts.roleArn,
  roleType: awsAccounts.roleType,
  deploymentMethod: awsAccounts.deploymentMethod,
  // Only the first characters leave the database: enough for the mask, useless to anyone who sees it.
  externalIdPrefix: sql<string>`substr(${awsAccounts.externalId}, 1, 5)`,
  verificationState: awsAccounts.verificationState,
  lastVerifiedAt: awsAccounts.lastVerifiedAt,
  lastVerificationError: awsAccounts.lastVerificationError,
  membership: awsAccounts.membership,
  pumpOrganizationName: pumpOrganizations.name,
  otherOrgId: awsAccounts.otherOrgId,
  onboardingState: awsAccounts.onboardingState,
};

export async function listTenantAccounts(db: Db, tenantId: string) {
  const rows = await db
    .select(accountColumns)
    .from(awsAccounts)
    .leftJoin(pumpOrganizations, eq(pumpOrganizations.id, awsAccounts.pumpOrganizationId))
    .where(eq(awsAccounts.tenantId, tenantId))
    .orderBy(asc(awsAccounts.createdAt), asc(awsAccounts.accountId));
  const ids = rows.map((r) => r.id);
  const [exceptions, invites] = ids.length
    ? await Promise.all([
        db
          .select({
            id: orgExceptions.id,
            awsAccountId: orgExceptions.awsAccountId,
            state: orgExceptions.state,
            kind: orgExceptions.kind,
            reason: orgExceptions.reason,
            details: orgExceptions.details,
            createdAt: orgExceptions.createdAt,
          })
          .from(orgExceptions)
          .where(and(inArray(orgExceptions.awsAccountId, ids), inArray(orgExceptions.state, ["open", "in_progress"])))
          .orderBy(desc(orgExceptions.createdAt)),
        db
          .select({
            id: orgInvites.id,
            awsAccountId: orgInvites.awsAccountId,
            handshakeId: orgInvites.handshakeId,
            phase: orgInvites.phase,
            state: orgInvites.state,
            requestedAt: orgInvites.requestedAt,
            expiresAt: orgInvites.expiresAt,
            failureMessage: orgInvites.failureMessage,
            organizationName: pumpOrganizations.name,
          })
          .from(orgInvites)
          .innerJoin(pumpOrganizations, eq(pumpOrganizations.id, orgInvites.pumpOrganizationId))
          .where(inArray(orgInvites.awsAccountId, ids))
          .orderBy(desc(orgInvites.requestedAt)),
      ])
    : [[], []];
  return rows.map(({ externalIdPrefix, lastVerifiedAt, ...r }) => ({
    ...r,
    externalIdMasked: maskExternalId(externalIdPrefix),
    lastVerifiedAt: iso(lastVerifiedAt),
    exceptions: exceptions
      .filter((e) => e.awsAccountId === r.id)
      .map((e) => ({
        id: e.id,
        state: e.state,
        kind: e.kind,
        reason: e.reason,
        details: e.details,
        createdAt: e.createdAt.toISOString(),
      })),
    invites: invites
      .filter((i) => i.awsAccountId === r.id)
      .map((i) => ({
        id: i.id,
        handshakeId: i.handshakeId,
        phase: i.phase,
        state: i.state,
        organizationName: i.organizationName,
        requestedAt: i.requestedAt.toISOString(),
        expiresAt: iso(i.expiresAt),
        failureMessage: i.failureMessage,
      })),
  }));
}
export type AccountCardData = Awaited<ReturnType<typeof listTenantAccounts>>[number];

/** Everything the tenant page shows, or null for an unknown Pump ID. */
export async function getTenantPageData(db: Db, pumpId: string) {
  const tenant = await getTenantHeader(db, pumpId);
  if (!tenant) return null;
  const accounts = await listTenantAccounts(db, tenant.id);
  const accountIds = Object.fromEntries(accounts.map((a) => [a.id, a.accountId]));
  const [timeline, auditTrail] = await Promise.all([
    listTenantTimeline(db, tenant.id, accountIds),
    listTenantAuditTrail(db, tenant.id),
  ]);
  return { tenant, accounts, timeline, auditTrail };
}
export type TenantPageData = NonNullable<Awaited<ReturnType<typeof getTenantPageData>>>;

/** One account of a tenant, for its edit form; null when the account is not this tenant's. */
export async function getAccountForEdit(db: Db, tenantId: string, accountId: string) {
  const [row] = await db
    .select({
      id: awsAccounts.id,
      accountId: awsAccounts.accountId,
      name: awsAccounts.name,
      email: awsAccounts.email,
      roleType: awsAccounts.roleType,
      roleArn: awsAccounts.roleArn,
      deploymentMethod: awsAccounts.deploymentMethod,
    })
    .from(awsAccounts)
    .where(and(eq(awsAccounts.tenantId, tenantId), eq(awsAccounts.accountId, accountId)));
  return row ?? null;
}
export type AccountFormData = NonNullable<Awaited<ReturnType<typeof getAccountForEdit>>>;

/** Who can be a tenant's account manager: enabled account managers and admins. */
export function listManagerOptions(db: Db) {
  return db
    .select({ id: staff.id, name: staff.name, email: staff.email })
    .from(staff)
    .where(and(isNull(staff.disabledAt), inArray(staff.role, [...managerRoles])))
    .orderBy(asc(staff.name));
}
export type ManagerOption = Awaited<ReturnType<typeof listManagerOptions>>[number];
