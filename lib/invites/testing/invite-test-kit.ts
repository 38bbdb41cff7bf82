// Helpers for the invites tests and the crash child (not shipped: only tests and lib/invites/testing/crash-child.ts import it).
import { and, count, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { awsAccounts, orgInvites, pumpOrganizations, sandboxHandshakes, tenants } from "@/db/schema";
import type { AwsGateway } from "@/lib/aws";
import { recordAudit } from "@/lib/audit/record";
import { generateExternalId } from "@/lib/tenants/external-id";
import type { ReconcileDeps } from "../reconcile";
import type { InviteDeps } from "../send-invite";

export const testStaff = { email: "support@pump.test" };

/** The invite service as a staff member's action would call it; no backoff sleeps. */
export function inviteDeps(db: Db, gateway: AwsGateway, now?: () => Date): InviteDeps {
  return {
    db,
    gateway,
    staff: testStaff,
    requestedBy: testStaff.email,
    audit: (tx, entry) => recordAudit(tx, { system: "test" }, "req-test", { action: "invites.send", ...entry }),
    backoffMs: [0, 0, 0, 0],
    ...(now ? { now } : {}),
  };
}

export function reconcileDeps(db: Db, gateway: AwsGateway, extra: Partial<ReconcileDeps> = {}): ReconcileDeps {
  return { db, gateway, staff: testStaff, actor: { system: "test" }, requestId: "req-test", ...extra };
}

/**
 * Wraps a gateway so every InviteAccountToOrganization that reaches it is counted (the figure to reach: 50 concurrent
 * invites for one account → exactly 1 call), and optionally runs `around` instead of the plain delegation (to hang,
 * fail, or observe the call).
 */
export function countingGateway(
  inner: AwsGateway,
  around?: (call: () => ReturnType<AwsGateway["inviteAccount"]>) => ReturnType<AwsGateway["inviteAccount"]>,
) {
  let calls = 0;
  const gateway: AwsGateway = {
    ...inner,
    inviteAccount(as, p) {
      calls++;
      const call = () => inner.inviteAccount(as, p);
      return around ? around(call) : call();
    },
  };
  return {
    gateway,
    get calls() {
      return calls;
    },
  };
}

export async function accountByAwsId(db: Db, accountId: string) {
  const [row] = await db.select().from(awsAccounts).where(eq(awsAccounts.accountId, accountId));
  if (!row) throw new Error(`no seeded account ${accountId}`);
  return row;
}

export async function organizationByName(db: Db, name: "Pump Main" | "Pump Europe") {
  const [row] = await db.select().from(pumpOrganizations).where(eq(pumpOrganizations.name, name));
  if (!row) throw new Error(`no Pump organization ${name}`);
  return row;
}

/**
 * A fresh, verified, standalone account of a seeded tenant (Hooli by default, whose invites go to Pump Main). The
 * sandbox has no role for it, so preflight cannot ask AWS about its organization (a warning, not a block).
 */
export async function addVerifiedAccount(db: Db, accountId: string, pumpId = "PUMP-0046") {
  const [tenant] = await db.select({ id: tenants.id }).from(tenants).where(eq(tenants.pumpId, pumpId));
  const [row] = await db
    .insert(awsAccounts)
    .values({
      tenantId: tenant!.id,
      accountId,
      name: `test-${accountId}`,
      roleArn: `arn:aws:iam::${accountId}:role/PumpCustomerAccess`,
      roleType: "read_only",
      deploymentMethod: "cloudformation",
      externalId: generateExternalId(),
      verificationState: "verified",
      membership: "standalone",
      onboardingState: "role_verified",
    })
    .returning();
  return row!;
}

export async function invitesOf(db: Db, awsAccountId: string) {
  return db.select().from(orgInvites).where(eq(orgInvites.awsAccountId, awsAccountId)).orderBy(orgInvites.createdAt);
}

/** Handshakes the sandbox's AWS holds for an account (optionally in one organization). */
export async function sandboxHandshakesFor(db: Db, accountId: string, organizationId?: string) {
  return db
    .select()
    .from(sandboxHandshakes)
    .where(
      and(
        eq(sandboxHandshakes.accountId, accountId),
        organizationId ? eq(sandboxHandshakes.organizationId, organizationId) : undefined,
      ),
    );
}

export async function sandboxHandshakeCount(db: Db, organizationId: string) {
  const [row] = await db
    .select({ n: count() })
    .from(sandboxHandshakes)
    .where(eq(sandboxHandshakes.organizationId, organizationId));
  return row!.n;
}
