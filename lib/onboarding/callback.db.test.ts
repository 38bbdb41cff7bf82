import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { auditEvents, awsAccounts, callbackMessages, onboardings, sandboxCfnResponses, tenants } from "@/db/schema";
import { seedDatabase } from "@/db/seed-core";
import { createTestDatabase, testDatabaseKind } from "@/db/testing/test-database";
import { sandboxWorld } from "@/lib/aws/sandbox-world";
import { ingestCallback } from "./ingest-callback";
import { sandboxCallbackDeps } from "./testing/callback-test-deps";
import { processCallback, processPendingCallbacks } from "./process-callback";
import { sandboxCallbackBody, sandboxTopicArn } from "./sandbox-callback";
import { createSandboxCustomerRole } from "./simulate-deployment";
import { SANDBOX_SIGNING_CERT_URL, SANDBOX_SIGNING_KEY_PEM } from "@/lib/aws/sandbox-sns-cert";
import { signSnsMessage } from "./sns/sign";

let handle: DatabaseHandle;
const principalArn = sandboxWorld.pumpOrganizations[0]!.operatorRoleArn;

beforeAll(async () => {
  handle = await createTestDatabase();
  await seedDatabase(handle.db);
}, 120_000);
afterAll(() => handle.close());

const deps = () => sandboxCallbackDeps(handle.db);

/** Issues a link for a fresh account of Hooli (PUMP-0046) and deploys its role in the sandbox's IAM. */
async function issue(accountId: string, roleType: "read_only" | "autopilot" = "read_only") {
  const [hooli] = await handle.db.select().from(tenants).where(eq(tenants.pumpId, "PUMP-0046"));
  const externalId = `pump-test-${accountId}-abcdefghijklmnop`;
  const [ob] = await handle.db
    .insert(onboardings)
    .values({
      tenantId: hooli!.id,
      expectedAccountId: accountId,
      roleType,
      region: "us-east-1",
      externalId,
      token: `tok-${accountId}`,
      expiresAt: new Date(Date.now() + 86_400_000),
    })
    .returning();
  await createSandboxCustomerRole(handle.db, { accountId, roleType, externalId, principalArn });
  return {
    ob: ob!,
    deployment: { pumpId: "PUMP-0046", accountId, region: "us-east-1", roleType, externalId, token: ob!.token },
  };
}

/** One SNS delivery: ingest (what the route does), then process what was stored (what after() does). */
async function deliver(body: string) {
  const d = deps();
  const result = await ingestCallback(d, body);
  if (result.status === 200 && result.stored) await processCallback(d, result.stored);
  return result.status;
}

const n = async (table: typeof callbackMessages | typeof sandboxCfnResponses) =>
  (await handle.db.select({ n: count() }).from(table))[0]!.n;
const auditCount = async (action: string, targetId: string) =>
  (await handle.db.select().from(auditEvents).where(eq(auditEvents.action, action))).filter(
    (r) => r.targetId === targetId,
  ).length;

describe(`the CloudFormation callback, end to end on the sandbox (${testDatabaseKind()})`, () => {
  it("delivered 5 times, 2 of them concurrently: one role record, one audit row per change, one CloudFormation response", async () => {
    const { ob, deployment } = await issue("310000000001");
    const { body } = sandboxCallbackBody(deployment);
    const responsesBefore = await n(sandboxCfnResponses);
    const statuses = await Promise.all([deliver(body), deliver(body)]);
    for (let i = 0; i < 3; i++) statuses.push(await deliver(body));
    await processPendingCallbacks(deps());
    expect(statuses).toEqual([200, 200, 200, 200, 200]);

    const accounts = await handle.db.select().from(awsAccounts).where(eq(awsAccounts.accountId, "310000000001"));
    expect(accounts).toHaveLength(1);
    expect(accounts[0]).toMatchObject({
      roleArn: "arn:aws:iam::310000000001:role/PumpReadOnlyRole",
      verificationState: "verified",
      onboardingState: "role_verified",
      deploymentMethod: "cloudformation",
    });
    expect(await auditCount("onboarding.role_deployed", accounts[0]!.id)).toBe(1);
    expect(await auditCount("roles.verify", accounts[0]!.id)).toBe(1);
    expect(await n(sandboxCfnResponses)).toBe(responsesBefore + 1);
    const [response] = await handle.db.select().from(sandboxCfnResponses).orderBy(sandboxCfnResponses.receivedAt);
    expect(response!.body).toMatchObject({
      Status: "SUCCESS",
      Data: { RoleArn: "arn:aws:iam::310000000001:role/PumpReadOnlyRole" },
    });
    expect((await handle.db.select().from(onboardings).where(eq(onboardings.id, ob.id)))[0]).toMatchObject({
      status: "verified",
    });
  });

  it("answers FAILED, with a reason the customer can act on, when the External ID was edited", async () => {
    const { deployment } = await issue("310000000002");
    await deliver(sandboxCallbackBody({ ...deployment, externalId: "pump-edited-by-the-customer" }).body);
    const responses = await handle.db.select().from(sandboxCfnResponses);
    expect(responses.at(-1)!.body).toMatchObject({
      Status: "FAILED",
      Reason: expect.stringMatching(/ExternalId parameter was changed/),
    });
    expect(await handle.db.select().from(awsAccounts).where(eq(awsAccounts.accountId, "310000000002"))).toEqual([]);
  });

  it("refuses a forged or tampered message with 400: no row written, nothing sent", async () => {
    const { deployment } = await issue("310000000003");
    const { body } = sandboxCallbackBody(deployment);
    const before = [await n(callbackMessages), await n(sandboxCfnResponses)];
    const tampered = body.replace("310000000003", "310000000004");
    expect(await deliver(tampered)).toBe(400);
    const untrustedTopic = body.replace(
      /arn:aws:sns:us-east-1:111122223333:pump-role-registration/g,
      "arn:aws:sns:us-east-1:999999999999:evil",
    );
    expect(await deliver(untrustedTopic)).toBe(400);
    expect([await n(callbackMessages), await n(sandboxCfnResponses)]).toEqual(before);
  });

  it("marks the role removed on Delete and always answers SUCCESS, so the customer's stack can be deleted", async () => {
    const { deployment } = await issue("310000000005");
    const created = sandboxCallbackBody(deployment);
    await deliver(created.body);
    await deliver(sandboxCallbackBody({ ...deployment, requestType: "Delete", stackId: created.stackId }).body);
    const [account] = await handle.db.select().from(awsAccounts).where(eq(awsAccounts.accountId, "310000000005"));
    expect(account).toMatchObject({ roleArn: null, verificationState: "unverified", onboardingState: "link_issued" });
    expect((await handle.db.select().from(sandboxCfnResponses)).at(-1)!.body).toMatchObject({ Status: "SUCCESS" });
    // A Delete for a stack Pump never saw is answered SUCCESS too, and changes nothing.
    await deliver(sandboxCallbackBody({ ...deployment, accountId: "310000000099", requestType: "Delete" }).body);
    expect((await handle.db.select().from(sandboxCfnResponses)).at(-1)!.body).toMatchObject({ Status: "SUCCESS" });
  });

  it("confirms a subscription only for an allowlisted topic at its pinned URL, and audits subscribe and unsubscribe", async () => {
    const topic = sandboxTopicArn("us-east-1");
    const confirmation = (
      subscribeUrl: string,
      type: "SubscriptionConfirmation" | "UnsubscribeConfirmation" = "SubscriptionConfirmation",
    ) =>
      signSnsMessage(
        {
          Type: type,
          MessageId: crypto.randomUUID(),
          Token: "2336412f37fb687f5d51e6e241d164b0",
          TopicArn: topic,
          Message: "You have chosen to subscribe.",
          SubscribeURL: subscribeUrl,
          Timestamp: new Date().toISOString(),
        },
        { privateKeyPem: SANDBOX_SIGNING_KEY_PEM, signatureVersion: 2, signingCertUrl: SANDBOX_SIGNING_CERT_URL },
      );
    const pinned = `https://sns.us-east-1.amazonaws.com/?Action=ConfirmSubscription&TopicArn=${encodeURIComponent(topic)}&Token=2336412f37fb687f5d51e6e241d164b0`;
    expect((await ingestCallback(deps(), confirmation(pinned))).status).toBe(200);
    expect(await auditCount("onboarding.sns_subscription_confirmed", topic)).toBe(1);
    // Signed by "AWS" but pointing the confirmation elsewhere: refused, nothing fetched, nothing written.
    expect(
      (await ingestCallback(deps(), confirmation("https://evil.example/?Action=ConfirmSubscription"))).status,
    ).toBe(400);
    expect(await auditCount("onboarding.sns_subscription_confirmed", topic)).toBe(1);
    expect((await ingestCallback(deps(), confirmation(pinned, "UnsubscribeConfirmation"))).status).toBe(200);
    expect(await auditCount("onboarding.sns_unsubscribed", topic)).toBe(1);
  });
});
