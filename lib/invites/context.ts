import "server-only";
import { and, desc, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { awsAccounts, orgInvites, pumpOrganizations, tenants } from "@/db/schema";
import { DomainError } from "@/lib/errors";
import { actingOrganization, type PumpOrganization } from "@/lib/tenants/acting-organization";

/** What an invite decision reads from Pump's database: the account, its tenant, the inviting organization. */

export async function loadInviteAccount(db: Db, awsAccountId: string) {
  const [row] = await db
    .select({
      id: awsAccounts.id,
      accountId: awsAccounts.accountId,
      name: awsAccounts.name,
      roleArn: awsAccounts.roleArn,
      externalId: awsAccounts.externalId,
      verificationState: awsAccounts.verificationState,
      membership: awsAccounts.membership,
      pumpOrganizationId: awsAccounts.pumpOrganizationId,
      otherOrgId: awsAccounts.otherOrgId,
      onboardingState: awsAccounts.onboardingState,
      tenantId: tenants.id,
      pumpId: tenants.pumpId,
      tenantName: tenants.name,
      defaultPumpOrganizationId: tenants.defaultPumpOrganizationId,
    })
    .from(awsAccounts)
    .innerJoin(tenants, eq(tenants.id, awsAccounts.tenantId))
    .where(eq(awsAccounts.id, awsAccountId));
  if (!row) throw new DomainError("That AWS account no longer exists.");
  return row;
}

export type InviteAccount = Awaited<ReturnType<typeof loadInviteAccount>>;
export type { PumpOrganization };

/** The organization staff picked, else the one acting for the tenant (its default, else Pump's default). */
export async function resolveOrganization(db: Db, account: InviteAccount, pumpOrganizationId?: string | null) {
  const id = pumpOrganizationId ?? account.defaultPumpOrganizationId;
  const [org] = pumpOrganizationId
    ? await db.select().from(pumpOrganizations).where(eq(pumpOrganizations.id, pumpOrganizationId))
    : [await actingOrganization(db, { tenantId: account.tenantId })];
  if (!org) {
    throw new DomainError(
      id ? "That Pump organization no longer exists." : "No Pump organization is marked default: pick one explicitly.",
    );
  }
  return org;
}

/** Same predicate as the `org_invites_one_active` unique index. */
export const activeInviteSql = sql`(${orgInvites.phase} in ('queued', 'in_flight') or (${orgInvites.phase} = 'sent' and ${orgInvites.state} in ('REQUESTED', 'OPEN')))`;

/** The account's active invite (queued, in flight or pending), if any: at most one by the unique index. */
export async function activeInvite(db: Db, awsAccountId: string) {
  const [row] = await db
    .select()
    .from(orgInvites)
    .where(and(eq(orgInvites.awsAccountId, awsAccountId), activeInviteSql))
    .orderBy(desc(orgInvites.createdAt))
    .limit(1);
  return row ?? null;
}

export type InviteRow = typeof orgInvites.$inferSelect;
