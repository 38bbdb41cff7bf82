import "server-only";
import { and, asc, count, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { awsAccounts, pumpOrganizations, staff, tenantContacts, tenants } from "@/db/schema";
import { DomainError } from "@/lib/errors";

// Reads and writes shared by the tenant use cases, always called with the use case's transaction.

export const managerRoles = ["account_manager", "admin"] as const;

/** The tenant row, locked until the transaction ends: changes to it and to its accounts serialise here. */
export async function lockTenant(tx: Db, tenantId: string) {
  const [row] = await tx
    .select({
      id: tenants.id,
      pumpId: tenants.pumpId,
      name: tenants.name,
      notes: tenants.notes,
      accountManagerId: tenants.accountManagerId,
      defaultPumpOrganizationId: tenants.defaultPumpOrganizationId,
    })
    .from(tenants)
    .where(eq(tenants.id, tenantId))
    .for("update");
  if (!row) throw new DomainError("That tenant no longer exists.");
  return row;
}

export type LockedTenant = Awaited<ReturnType<typeof lockTenant>>;

/** An AWS account row without its External ID (that column is read only by the audited reveal). */
export async function lockAccount(tx: Db, awsAccountId: string) {
  const [row] = await tx
    .select({
      id: awsAccounts.id,
      tenantId: awsAccounts.tenantId,
      accountId: awsAccounts.accountId,
      name: awsAccounts.name,
      email: awsAccounts.email,
      roleType: awsAccounts.roleType,
      roleArn: awsAccounts.roleArn,
      deploymentMethod: awsAccounts.deploymentMethod,
      verificationState: awsAccounts.verificationState,
      onboardingState: awsAccounts.onboardingState,
    })
    .from(awsAccounts)
    .where(eq(awsAccounts.id, awsAccountId))
    .for("update");
  if (!row) throw new DomainError("That AWS account no longer exists.");
  return row;
}

export type LockedAccount = Awaited<ReturnType<typeof lockAccount>>;

export async function tenantIdOfAccount(tx: Db, awsAccountId: string) {
  const [row] = await tx
    .select({ tenantId: awsAccounts.tenantId })
    .from(awsAccounts)
    .where(eq(awsAccounts.id, awsAccountId));
  if (!row) throw new DomainError("That AWS account no longer exists.");
  return row.tenantId;
}

/** The manager must be an enabled account manager or admin; the row is share-locked so it cannot be disabled meanwhile. */
/** A chosen default organization must exist (the foreign key would say so too, but not in words). */
export async function checkPumpOrganization(tx: Db, pumpOrganizationId: string | null | undefined) {
  if (!pumpOrganizationId) return;
  const [row] = await tx
    .select({ id: pumpOrganizations.id })
    .from(pumpOrganizations)
    .where(eq(pumpOrganizations.id, pumpOrganizationId))
    .for("share");
  if (!row)
    throw new DomainError("Pick a Pump organization from the list.", {
      defaultPumpOrganizationId: ["That organization no longer exists."],
    });
}

export async function checkAccountManager(tx: Db, staffId: string | null) {
  if (staffId === null) return;
  const [row] = await tx
    .select({ id: staff.id })
    .from(staff)
    .where(and(eq(staff.id, staffId), isNull(staff.disabledAt), inArray(staff.role, [...managerRoles])))
    .for("share");
  if (!row) {
    throw new DomainError("Pick an account manager from the list.", {
      accountManagerId: ["Pick an enabled account manager or admin."],
    });
  }
}

export function listContacts(tx: Db, tenantId: string) {
  return tx
    .select({ name: tenantContacts.name, email: tenantContacts.email })
    .from(tenantContacts)
    .where(eq(tenantContacts.tenantId, tenantId))
    .orderBy(asc(tenantContacts.createdAt), asc(tenantContacts.name), asc(tenantContacts.email));
}

/**
 * Recounts the tenant's accounts and marks it active now. A recount under the tenant's row lock, rather than
 * `+ 1`, cannot drift whatever happened before.
 */
export async function touchTenant(tx: Db, tenantId: string) {
  const counted = tx.select({ n: count() }).from(awsAccounts).where(eq(awsAccounts.tenantId, tenantId));
  await tx
    .update(tenants)
    .set({ accountsCount: sql`(${counted})`, lastActivityAt: sql`now()` })
    .where(eq(tenants.id, tenantId));
}

type TenantView = Pick<LockedTenant, "pumpId" | "name" | "notes" | "accountManagerId"> & {
  defaultPumpOrganizationId?: string | null;
  contacts: { name: string; email: string }[];
};

/** What the audit row records of a tenant (before/after). */
export const tenantAuditView = (t: TenantView) => ({
  pumpId: t.pumpId,
  name: t.name,
  notes: t.notes,
  accountManagerId: t.accountManagerId,
  defaultPumpOrganizationId: t.defaultPumpOrganizationId ?? null,
  contacts: t.contacts.map((c) => `${c.name} <${c.email}>`),
});

type AccountView = Pick<
  LockedAccount,
  "accountId" | "name" | "email" | "roleType" | "roleArn" | "deploymentMethod" | "verificationState"
>;

/** What the audit row records of an account: never its External ID (the audit would redact it anyway). */
export const accountAuditView = (a: AccountView) => ({
  accountId: a.accountId,
  name: a.name,
  email: a.email,
  roleType: a.roleType,
  roleArn: a.roleArn,
  deploymentMethod: a.deploymentMethod,
  verificationState: a.verificationState,
});
