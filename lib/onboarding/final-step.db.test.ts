import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import {
  auditEvents,
  awsAccounts,
  orgExceptions,
  orgInvites,
  onboardings,
  sandboxHandshakes,
  sandboxOrganizations,
  sandboxOrgMembers,
  tenants,
} from "@/db/schema";
import { seedDatabase } from "@/db/seed-core";
import { createTestDatabase, testDatabaseKind } from "@/db/testing/test-database";
import { sandboxWorld } from "@/lib/aws/sandbox-world";
import { ingestCallback } from "./ingest-callback";
import { sandboxCallbackDeps } from "./testing/callback-test-deps";
import { processCallback } from "./process-callback";
import { sandboxCallbackBody } from "./sandbox-callback";
import { createSandboxCustomerRole } from "./simulate-deployment";

/**
 * "Final step" onboardings: the CloudFormation callback verifies the role, then the automatic invite runs the same
 * send path as the Invite button, as `system:auto-invite`. Driven end to end through the callback, on the sandbox.
 */

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
  await seedDatabase(handle.db);
}, 120_000);
afterAll(() => handle.close());

const deps = () => sandboxCallbackDeps(handle.db);

/** A final-step link for a new account of Hooli (PUMP-0046, invited into Pump Main), its stack deployed, its callback delivered. */
async function onboardAsFinalStep(accountId: string) {
  const [hooli] = await handle.db.select().from(tenants).where(eq(tenants.pumpId, "PUMP-0046"));
  const externalId = `pump-final-${accountId}-abcdefghijklmnop`;
  const [ob] = await handle.db
    .insert(onboardings)
    .values({
      tenantId: hooli!.id,
      expectedAccountId: accountId,
      roleType: "read_only",
      region: "us-east-1",
      externalId,
      token: `tok-final-${accountId}`,
      expiresAt: new Date(Date.now() + 86_400_000),
      isFinalStep: true,
    })
    .returning();
  await createSandboxCustomerRole(handle.db, {
    accountId,
    roleType: "read_only",
    externalId,
    principalArn: sandboxWorld.pumpOrganizations[0].operatorRoleArn,
  });
  const { body } = sandboxCallbackBody({
    pumpId: "PUMP-0046",
    accountId,
    region: "us-east-1",
    roleType: "read_only",
    externalId,
    token: ob!.token,
  });
  const d = deps();
  const result = await ingestCallback(d, body);
  expect(result.status).toBe(200);
  if (result.status === 200 && result.stored) await processCallback(d, result.stored);
  const [account] = await handle.db.select().from(awsAccounts).where(eq(awsAccounts.accountId, accountId));
  expect(account).toMatchObject({ verificationState: "verified" });
  return { onboardingId: ob!.id, account: account! };
}

const autoInviteAudit = (awsAccountId: string) =>
  handle.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.action, "invites.send"), eq(auditEvents.targetId, awsAccountId)));

describe(`the automatic invite at the final step (${testDatabaseKind()})`, () => {
  it("a verified role leads to an invitation sent by system:auto-invite, with its audit row", async () => {
    const { onboardingId, account } = await onboardAsFinalStep("760000000001");

    const invites = await handle.db.select().from(orgInvites).where(eq(orgInvites.awsAccountId, account.id));
    expect(invites).toMatchObject([
      { phase: "sent", state: "OPEN", source: "auto", requestedBy: "system:auto-invite" },
    ]);
    const handshakes = await handle.db
      .select()
      .from(sandboxHandshakes)
      .where(eq(sandboxHandshakes.accountId, "760000000001"));
    expect(handshakes.map((h) => [h.id, h.organizationId])).toEqual([
      [invites[0]!.handshakeId, sandboxWorld.pumpOrganizations[0].orgId],
    ]);
    expect((await handle.db.select().from(awsAccounts).where(eq(awsAccounts.id, account.id)))[0]!.onboardingState).toBe(
      "invited",
    );

    const audit = await autoInviteAudit(account.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorEmail: "system:auto-invite", actorRole: "system", outcome: "ok" });
    expect(audit[0]!.after).toMatchObject({
      result: "sent",
      source: "auto",
      onboardingId,
      handshakeId: invites[0]!.handshakeId,
    });
    // The final step no longer only records a request: it acts.
    expect(
      await handle.db.select().from(auditEvents).where(eq(auditEvents.action, "onboarding.invite_requested")),
    ).toEqual([]);
  });

  it("a management account of another organization gets an exception record instead, and AWS is not called", async () => {
    const accountId = "760000000002";
    await handle.db
      .insert(sandboxOrganizations)
      .values({ id: "o-finalmgmt01", managementAccountId: accountId, featureSet: "ALL" });
    await handle.db
      .insert(sandboxOrgMembers)
      .values({ accountId, organizationId: "o-finalmgmt01", isManagement: true });
    const { onboardingId, account } = await onboardAsFinalStep(accountId);

    expect(await handle.db.select().from(orgInvites).where(eq(orgInvites.awsAccountId, account.id))).toEqual([]);
    expect(await handle.db.select().from(sandboxHandshakes).where(eq(sandboxHandshakes.accountId, accountId))).toEqual(
      [],
    );
    const exceptions = await handle.db.select().from(orgExceptions).where(eq(orgExceptions.awsAccountId, account.id));
    expect(exceptions).toMatchObject([{ kind: "other_management", state: "open", createdBy: "system:auto-invite" }]);
    expect((await handle.db.select().from(awsAccounts).where(eq(awsAccounts.id, account.id)))[0]).toMatchObject({
      membership: "other_management",
      otherOrgId: "o-finalmgmt01",
      onboardingState: "exception",
    });
    const audit = await autoInviteAudit(account.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorEmail: "system:auto-invite" });
    expect(audit[0]!.after).toMatchObject({
      result: "exception",
      kind: "other_management",
      exceptionId: exceptions[0]!.id,
      onboardingId,
    });
  });
});
