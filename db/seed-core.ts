import { eq } from "drizzle-orm";
import { createHash } from "node:crypto";
import { seedSandboxWorld, sandboxWorld } from "@/lib/aws/sandbox-world";
import { recordAudit } from "@/lib/audit/record";
import type { Db } from "./client";
import {
  awsAccounts,
  orgExceptions,
  orgInvites,
  pumpOrganizations,
  sandboxHandshakes,
  sandboxIamRoles,
  sandboxOrganizations,
  sandboxOrgMembers,
  staff,
  tenantContacts,
  tenants,
} from "./schema";
import { seedStaff } from "./seed-data";
import { seedTenants, type SeedTenant } from "./seed-tenants";

const DAY = 24 * 60 * 60 * 1000;
const EUROPE_QUOTA_FOR = (orgIndex: number) => (orgIndex === 1 ? 50 : 10);

/** Deterministic stand-in External IDs for demo accounts the sandbox has no role for. */
const demoExternalId = (accountId: string) =>
  `pump-${createHash("sha256").update(`demo:${accountId}`).digest("base64url").slice(0, 32)}`;

/** Idempotent: running it twice leaves the same data. */
export async function seedDatabase(db: Db) {
  await db.transaction(async (tx) => {
    for (const member of seedStaff) await tx.insert(staff).values(member).onConflictDoNothing();
    for (const [i, org] of sandboxWorld.pumpOrganizations.entries()) {
      await tx
        .insert(pumpOrganizations)
        .values({ ...org, accountQuota: EUROPE_QUOTA_FOR(i), isDefault: i === 0 })
        .onConflictDoNothing();
    }
    await seedSandboxWorld(tx);
    // Pump Europe had its quota raised (as AWS does on request), so a bulk invite is held by the daily limit.
    await tx
      .update(sandboxOrganizations)
      .set({ accountQuota: EUROPE_QUOTA_FOR(1) })
      .where(eq(sandboxOrganizations.id, sandboxWorld.pumpOrganizations[1].orgId));
    const orgs = await tx.select({ id: pumpOrganizations.id, orgId: pumpOrganizations.orgId }).from(pumpOrganizations);
    const orgIds = sandboxWorld.pumpOrganizations.map((o) => orgs.find((r) => r.orgId === o.orgId)!.id);
    for (const tenant of seedTenants) await seedTenant(tx, tenant, orgIds);
  });
}

async function seedTenant(tx: Db, seed: SeedTenant, orgIds: string[]) {
  const [manager] = seed.manager
    ? await tx.select({ id: staff.id }).from(staff).where(eq(staff.email, seed.manager))
    : [];
  const [tenant] = await tx
    .insert(tenants)
    .values({
      pumpId: seed.pumpId,
      name: seed.name,
      notes: seed.notes ?? "",
      accountManagerId: manager?.id ?? null,
      defaultPumpOrganizationId: seed.defaultOrg === undefined ? null : orgIds[seed.defaultOrg],
      accountsCount: seed.accounts.length,
    })
    .onConflictDoNothing()
    .returning({ id: tenants.id });
  if (!tenant) return; // already seeded
  await tx.insert(tenantContacts).values(seed.contacts.map((c) => ({ ...c, tenantId: tenant.id })));
  for (const { pumpOrg, exception, invite, ...account } of seed.accounts) {
    const [row] = await tx
      .insert(awsAccounts)
      .values({
        ...account,
        tenantId: tenant.id,
        externalId: account.externalId ?? demoExternalId(account.accountId),
        pumpOrganizationId: pumpOrg === undefined ? null : orgIds[pumpOrg],
        lastVerifiedAt: account.verificationState && account.verificationState !== "unverified" ? new Date() : null,
      })
      .returning({ id: awsAccounts.id });
    if (exception)
      await tx
        .insert(orgExceptions)
        .values({ awsAccountId: row!.id, reason: exception, kind: "other_member", createdBy: "seed" });
    const org = sandboxWorld.pumpOrganizations[pumpOrg ?? seed.defaultOrg ?? 0];
    // The sandbox's AWS agrees with Pump's records: members are in the organization, invites are its handshakes,
    // and every verified account has its role (trusting the management account that verifies it).
    if (account.membership === "pump_member") {
      await tx
        .insert(sandboxOrgMembers)
        .values({ accountId: account.accountId, organizationId: org.orgId })
        .onConflictDoNothing();
    }
    if (account.roleArn && account.verificationState === "verified") {
      await tx
        .insert(sandboxIamRoles)
        .values({
          arn: account.roleArn,
          accountId: account.accountId,
          trustedAccountId: sandboxWorld.pumpOrganizations[pumpOrg ?? 0].managementAccountId,
          requiredExternalId: account.externalId ?? demoExternalId(account.accountId),
        })
        .onConflictDoNothing();
    }
    if (invite) {
      const requestedAt = new Date(Date.now() - invite.daysAgo * DAY);
      const expiresAt = new Date(requestedAt.getTime() + 15 * DAY);
      const pending = invite.state === "OPEN";
      await tx.insert(orgInvites).values({
        awsAccountId: row!.id,
        pumpOrganizationId: orgIds[pumpOrg ?? 0]!,
        phase: "sent",
        source: "seed",
        requestedBy: "seed",
        handshakeId: invite.handshakeId,
        state: invite.state,
        requestedAt,
        expiresAt,
        endedAt: pending ? null : new Date(requestedAt.getTime() + DAY),
      });
      await tx
        .insert(sandboxHandshakes)
        .values({
          id: invite.handshakeId,
          organizationId: org.orgId,
          accountId: account.accountId,
          state: invite.state,
          requestedAt,
          expiresAt,
          updatedAt: pending ? requestedAt : new Date(requestedAt.getTime() + DAY),
        })
        .onConflictDoNothing();
    }
  }
  await recordAudit(tx, { system: "seed" }, "seed", {
    action: "tenants.create",
    targetType: "tenant",
    targetId: tenant.id,
    after: { pumpId: seed.pumpId, name: seed.name, accounts: seed.accounts.map((a) => a.accountId) },
  });
}
