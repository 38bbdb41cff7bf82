import {
  AccessDeniedException,
  AccountOwnerNotVerifiedException,
  AWSOrganizationsNotInUseException,
  ConcurrentModificationException,
  ConstraintViolationException,
  DuplicateHandshakeException,
  FinalizingOrganizationException,
  HandshakeConstraintViolationException,
  InvalidInputException,
  InviteAccountToOrganizationCommand,
  ListHandshakesForOrganizationCommand,
  ServiceException,
  TooManyRequestsException,
  type Handshake as SdkHandshake,
  type InviteAccountToOrganizationCommandInput,
} from "@aws-sdk/client-organizations";
import { and, eq } from "drizzle-orm";
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { auditEvents, orgExceptions, orgInvites, pumpOrganizations } from "@/db/schema";
import { seedDatabase } from "@/db/seed-core";
import { createTestDatabase } from "@/db/testing/test-database";
import { createFakeOrganizations } from "@/lib/aws/testing/fake-organizations";
import { createFakeSts, FAKE_CONSOLE_CREDENTIALS } from "@/lib/aws/testing/fake-sts";
import { sandboxWorld } from "@/lib/aws/sandbox-world";
import { createSdkGateway } from "@/lib/aws/sdk-gateway";
import { accountByAwsId, addVerifiedAccount, inviteDeps, invitesOf, reconcileDeps } from "./testing/invite-test-kit";
import type { InviteFailure } from "./outcomes";
import { reconcileAll } from "./reconcile";
import { sendInvite } from "./send-invite";

/**
 * The send path over the real SDK gateway (aws-sdk-client-mock): STS and DescribeOrganization from the fakes of
 * lib/aws, InviteAccountToOrganization and ListHandshakesForOrganization programmed here over a handshake store, so
 * each test decides what AWS does with the one call Pump makes, and counts it.
 */

const DAY = 24 * 3600 * 1000;
const sts = createFakeSts(() => new Date());
const organizations = createFakeOrganizations(() => new Date(), sts.accountOf);
const gateway = createSdkGateway({ region: "eu-west-1", consoleCredentials: FAKE_CONSOLE_CREDENTIALS });

type Stored = { orgId: string; handshake: SdkHandshake & { Id: string } };
const store: Stored[] = [];
type Invite = (input: InviteAccountToOrganizationCommandInput, getClient: () => unknown) => Promise<unknown>;
let invite: Invite;
let listFailures = 0;

async function callerOrganization(getClient: () => unknown) {
  const client = getClient() as { config: { credentials: () => Promise<{ accessKeyId: string }> } };
  const account = sts.accountOf((await client.config.credentials()).accessKeyId);
  const org = sandboxWorld.pumpOrganizations.find((o) => o.managementAccountId === account);
  if (!org)
    throw new AccessDeniedException({ message: "You don't have permissions.", $metadata: { httpStatusCode: 403 } });
  return org;
}

/** What AWS does with an invitation it accepts: one handshake, OPEN for 15 days. */
function recordHandshake(
  org: { orgId: string; managementAccountId: string },
  target: string,
  requestedAt = new Date(),
) {
  const id = "h-" + randomBytes(8).toString("hex");
  const handshake = {
    Id: id,
    Arn: `arn:aws:organizations::${org.managementAccountId}:handshake/${org.orgId}/invite/${id}`,
    Parties: [
      { Id: org.orgId, Type: "ORGANIZATION" as const },
      { Id: target, Type: "ACCOUNT" as const },
    ],
    State: "OPEN" as const,
    RequestedTimestamp: requestedAt,
    ExpirationTimestamp: new Date(requestedAt.getTime() + 15 * DAY),
    Action: "INVITE" as const,
  };
  store.push({ orgId: org.orgId, handshake });
  return handshake;
}

const wire = (message: string, status = 400) => ({ message, Message: message, $metadata: { httpStatusCode: status } });

/** AWS's normal behaviour: a pending invitation for the same account is a DuplicateHandshake, else a new handshake. */
const awsInvites: Invite = async (input, getClient) => {
  const org = await callerOrganization(getClient);
  const target = input.Target?.Id ?? "";
  const pending = store.some(
    (s) => s.orgId === org.orgId && s.handshake.Parties?.[1]?.Id === target && s.handshake.State === "OPEN",
  );
  if (pending)
    throw new DuplicateHandshakeException(wire("A handshake with the same action and target already exists."));
  return { Handshake: recordHandshake(org, target) };
};

const inviteCalls = () => organizations.mock.commandCalls(InviteAccountToOrganizationCommand).length;

beforeEach(() => {
  sts.install();
  organizations.install();
  invite = awsInvites;
  listFailures = 0;
  organizations.mock.on(InviteAccountToOrganizationCommand).callsFake((input, getClient) => invite(input, getClient));
  organizations.mock.on(ListHandshakesForOrganizationCommand).callsFake(async (_input, getClient) => {
    if (listFailures > 0) {
      listFailures--;
      throw new ServiceException(wire("We encountered an internal error.", 500));
    }
    const org = await callerOrganization(getClient);
    return { Handshakes: store.filter((s) => s.orgId === org.orgId).map((s) => s.handshake) };
  });
});

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
  await seedDatabase(handle.db);
  // Room for every test's pending invitation: this file is about what AWS answers, not about Pump's quota.
  await handle.db.update(pumpOrganizations).set({ accountQuota: 50 }).where(eq(pumpOrganizations.name, "Pump Main"));
}, 120_000);
afterAll(async () => {
  sts.mock.restore();
  organizations.mock.restore();
  await handle.close();
});

const deps = () => inviteDeps(handle.db, gateway);
const reconcile = (stuckAfterMs?: number) =>
  reconcileAll(reconcileDeps(handle.db, gateway, stuckAfterMs === undefined ? {} : { stuckAfterMs }));
const timeout = () => Object.assign(new Error("socket timed out after 15000 ms"), { name: "TimeoutError" });
const handshakesOf = (accountId: string) =>
  store.filter((s) => s.handshake.Parties?.[1]?.Id === accountId).map((s) => s.handshake);

describe("sendInvite over the SDK gateway", () => {
  it("the SDK times out after AWS accepted: the handshake is adopted from ListHandshakes, never sent twice", async () => {
    const tyrell = await accountByAwsId(handle.db, "100000000008");
    invite = async (input, getClient) => {
      recordHandshake(await callerOrganization(getClient), input.Target!.Id!);
      throw timeout();
    };
    const outcome = await sendInvite(deps(), { awsAccountId: tyrell.id, source: "single" });
    const [handshake] = handshakesOf("100000000008");
    expect(outcome).toMatchObject({
      kind: "sent",
      invite: { phase: "sent", handshakeId: handshake!.Id, state: "OPEN" },
    });
    const [audit] = await handle.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "invites.send"), eq(auditEvents.targetId, tyrell.id)));
    expect(audit!.after).toMatchObject({ result: "sent", handshakeId: handshake!.Id, adoptedAfter: "network" });

    await reconcile(0);
    expect(await invitesOf(handle.db, tyrell.id)).toMatchObject([
      { phase: "sent", handshakeId: handshake!.Id, state: "OPEN" },
    ]);
    expect(inviteCalls()).toBe(1);
    expect(handshakesOf("100000000008")).toHaveLength(1);
  });

  it("the SDK times out after AWS accepted and AWS cannot be read either: in doubt, then the reconciler adopts it", async () => {
    const account = await accountByAwsId(handle.db, "100000000001");
    invite = async (input, getClient) => {
      recordHandshake(await callerOrganization(getClient), input.Target!.Id!);
      throw timeout();
    };
    listFailures = 1;
    const outcome = await sendInvite(deps(), { awsAccountId: account.id, source: "single" });
    expect(outcome).toMatchObject({ kind: "in_doubt", invite: { phase: "in_flight", failureCode: "network" } });
    // While in doubt the account has its invite: asking again sends nothing.
    expect((await sendInvite(deps(), { awsAccountId: account.id, source: "single" })).kind).toBe("already_pending");

    const reports = await reconcile();
    expect(reports.find((r) => r.organization === "Pump Main")).toMatchObject({ adopted: 1, notSent: 0 });
    const [handshake] = handshakesOf("100000000001");
    expect(await invitesOf(handle.db, account.id)).toMatchObject([
      { phase: "sent", handshakeId: handshake!.Id, state: "OPEN", failureCode: null },
    ]);
    expect((await accountByAwsId(handle.db, "100000000001")).onboardingState).toBe("invited");
    expect(inviteCalls()).toBe(1);
    expect(handshakesOf("100000000001")).toHaveLength(1);
  });

  it("DuplicateHandshake: the invitation already pending in AWS (sent days ago, outside Pump) is adopted, no second call", async () => {
    const account = await accountByAwsId(handle.db, "100000000011");
    const main = sandboxWorld.pumpOrganizations[0];
    const existing = recordHandshake(main, "100000000011", new Date(Date.now() - 3 * DAY));
    const outcome = await sendInvite(deps(), { awsAccountId: account.id, source: "single" });
    expect(outcome).toMatchObject({ kind: "sent", invite: { handshakeId: existing.Id, state: "OPEN" } });
    expect(inviteCalls()).toBe(1);
    expect(handshakesOf("100000000011")).toHaveLength(1);
  });

  it("DuplicateHandshake while AWS cannot be listed: in doubt, and the reconciler adopts the older pending invitation", async () => {
    const account = await addVerifiedAccount(handle.db, "730000000099");
    const existing = recordHandshake(
      sandboxWorld.pumpOrganizations[0],
      account.accountId,
      new Date(Date.now() - 2 * DAY),
    );
    listFailures = 1;
    expect((await sendInvite(deps(), { awsAccountId: account.id, source: "single" })).kind).toBe("in_doubt");
    await reconcile(0);
    expect(await invitesOf(handle.db, account.id)).toMatchObject([
      { phase: "sent", handshakeId: existing.Id, state: "OPEN" },
    ]);
    expect(inviteCalls()).toBe(1);
  });

  it("TooManyRequests twice, then AWS accepts: sent, 3 calls, one handshake", async () => {
    const account = await addVerifiedAccount(handle.db, "730000000098");
    let throttles = 2;
    invite = async (input, getClient) => {
      if (throttles-- > 0) throw new TooManyRequestsException({ ...wire("Rate exceeded", 429), Type: "Throttling" });
      return awsInvites(input, getClient);
    };
    expect(await sendInvite(deps(), { awsAccountId: account.id, source: "single" })).toMatchObject({ kind: "sent" });
    expect(inviteCalls()).toBe(3);
    expect(handshakesOf(account.accountId)).toHaveLength(1);
  });

  it.each([
    [
      "throttled on every attempt",
      () => new TooManyRequestsException({ ...wire("Rate exceeded", 429), Type: "Throttling" }),
      "730000000197",
    ],
    [
      "the account quota full in AWS",
      () => new ConstraintViolationException({ ...wire("Limit."), Reason: "ACCOUNT_NUMBER_LIMIT_EXCEEDED" }),
      "730000000196",
    ],
  ] as const)(
    "a bulk invite %s goes back to the queue (nothing pending, nothing failed)",
    async (_name, error, accountId) => {
      const account = await addVerifiedAccount(handle.db, accountId);
      invite = async () => {
        throw error();
      };
      expect(await sendInvite(deps(), { awsAccountId: account.id, source: "bulk" })).toMatchObject({ kind: "queued" });
      expect(await invitesOf(handle.db, account.id)).toMatchObject([{ phase: "queued", handshakeId: null }]);
      expect(handshakesOf(account.accountId)).toHaveLength(0);
      await handle.db
        .update(orgInvites)
        .set({ phase: "failed", failureCode: "canceled" })
        .where(eq(orgInvites.awsAccountId, account.id));
    },
  );
});

type Case = {
  name: string;
  error: () => unknown;
  kind: InviteFailure["kind"];
  code: string;
  reason?: string;
  calls?: number;
};

describe("every InviteAccountToOrganization exception through the SDK lands where outcomes.ts says", () => {
  const hcv = (reason: string) => () =>
    new HandshakeConstraintViolationException({
      ...wire("The handshake request is invalid."),
      Reason: reason as never,
    });
  const cv = (reason: string) => () =>
    new ConstraintViolationException({ ...wire("Constraint violated."), Reason: reason as never });
  const cases: Case[] = [
    {
      name: "AccessDenied",
      error: () => new AccessDeniedException(wire("Denied.", 403)),
      kind: "refused",
      code: "access_denied",
    },
    {
      name: "AWSOrganizationsNotInUse",
      error: () => new AWSOrganizationsNotInUseException(wire("Not in use.")),
      kind: "refused",
      code: "org_not_in_use",
    },
    {
      name: "AccountOwnerNotVerified",
      error: () => new AccountOwnerNotVerifiedException(wire("Verify.")),
      kind: "refused",
      code: "account_owner_not_verified",
    },
    {
      name: "ConcurrentModification",
      error: () => new ConcurrentModificationException(wire("Busy.")),
      kind: "refused",
      code: "concurrent_modification",
    },
    {
      name: "FinalizingOrganization",
      error: () => new FinalizingOrganizationException(wire("Initializing.")),
      kind: "refused",
      code: "finalizing_organization",
    },
    {
      name: "InvalidInput INVALID_PARTY_TYPE_TARGET",
      error: () => new InvalidInputException({ ...wire("Invalid."), Reason: "INVALID_PARTY_TYPE_TARGET" }),
      kind: "refused",
      code: "invalid_input",
      reason: "INVALID_PARTY_TYPE_TARGET",
    },
    {
      name: "HandshakeConstraintViolation ALREADY_IN_AN_ORGANIZATION",
      error: hcv("ALREADY_IN_AN_ORGANIZATION"),
      kind: "account_side",
      code: "handshake_constraint_violation",
      reason: "ALREADY_IN_AN_ORGANIZATION",
    },
    {
      name: "HandshakeConstraintViolation PAYMENT_INSTRUMENT_REQUIRED",
      error: hcv("PAYMENT_INSTRUMENT_REQUIRED"),
      kind: "account_side",
      code: "handshake_constraint_violation",
      reason: "PAYMENT_INSTRUMENT_REQUIRED",
    },
    {
      name: "HandshakeConstraintViolation ORGANIZATION_FROM_DIFFERENT_SELLER_OF_RECORD",
      error: hcv("ORGANIZATION_FROM_DIFFERENT_SELLER_OF_RECORD"),
      kind: "account_side",
      code: "handshake_constraint_violation",
      reason: "ORGANIZATION_FROM_DIFFERENT_SELLER_OF_RECORD",
    },
    {
      name: "HandshakeConstraintViolation ORGANIZATION_MEMBERSHIP_CHANGE_RATE_LIMIT_EXCEEDED",
      error: hcv("ORGANIZATION_MEMBERSHIP_CHANGE_RATE_LIMIT_EXCEEDED"),
      kind: "account_side",
      code: "handshake_constraint_violation",
      reason: "ORGANIZATION_MEMBERSHIP_CHANGE_RATE_LIMIT_EXCEEDED",
    },
    {
      name: "HandshakeConstraintViolation HANDSHAKE_RATE_LIMIT_EXCEEDED",
      error: hcv("HANDSHAKE_RATE_LIMIT_EXCEEDED"),
      kind: "rate_limited",
      code: "handshake_constraint_violation",
      reason: "HANDSHAKE_RATE_LIMIT_EXCEEDED",
    },
    {
      name: "HandshakeConstraintViolation ACCOUNT_NUMBER_LIMIT_EXCEEDED",
      error: hcv("ACCOUNT_NUMBER_LIMIT_EXCEEDED"),
      kind: "refused",
      code: "handshake_constraint_violation",
      reason: "ACCOUNT_NUMBER_LIMIT_EXCEEDED",
    },
    {
      name: "HandshakeConstraintViolation MANAGEMENT_ACCOUNT_EMAIL_NOT_VERIFIED",
      error: hcv("MANAGEMENT_ACCOUNT_EMAIL_NOT_VERIFIED"),
      kind: "refused",
      code: "handshake_constraint_violation",
      reason: "MANAGEMENT_ACCOUNT_EMAIL_NOT_VERIFIED",
    },
    {
      name: "HandshakeConstraintViolation with a reason AWS adds later",
      error: hcv("SOME_FUTURE_REASON"),
      kind: "refused",
      code: "handshake_constraint_violation",
      reason: "SOME_FUTURE_REASON",
    },
    {
      name: "ConstraintViolation ACCOUNT_NUMBER_LIMIT_EXCEEDED",
      error: cv("ACCOUNT_NUMBER_LIMIT_EXCEEDED"),
      kind: "refused",
      code: "constraint_violation",
      reason: "ACCOUNT_NUMBER_LIMIT_EXCEEDED",
    },
    {
      name: "ConstraintViolation HANDSHAKE_RATE_LIMIT_EXCEEDED",
      error: cv("HANDSHAKE_RATE_LIMIT_EXCEEDED"),
      kind: "rate_limited",
      code: "constraint_violation",
      reason: "HANDSHAKE_RATE_LIMIT_EXCEEDED",
    },
    {
      name: "ConstraintViolation WAIT_PERIOD_ACTIVE",
      error: cv("WAIT_PERIOD_ACTIVE"),
      kind: "account_side",
      code: "constraint_violation",
      reason: "WAIT_PERIOD_ACTIVE",
    },
    // Throttled on every attempt: one call plus one per backoff delay (4), then failed — definitely not sent.
    {
      name: "TooManyRequests (always)",
      error: () => new TooManyRequestsException({ ...wire("Rate exceeded", 429), Type: "Throttling" }),
      kind: "refused",
      code: "throttled",
      calls: 5,
    },
    {
      name: "ServiceException (nothing created)",
      error: () => new ServiceException(wire("Internal error.", 500)),
      kind: "reconcile",
      code: "service_error",
    },
    { name: "a timeout before AWS got the call", error: timeout, kind: "reconcile", code: "network" },
  ];

  it.each(cases.map((c, i) => [c.name, c, 730000000001 + i] as const))("%s", async (_name, c, accountNumber) => {
    const account = await addVerifiedAccount(handle.db, String(accountNumber));
    invite = async () => {
      throw c.error();
    };
    const outcome = await sendInvite(deps(), { awsAccountId: account.id, source: "single" });
    expect(inviteCalls()).toBe(c.calls ?? 1);
    const [row] = await invitesOf(handle.db, account.id);
    const exceptions = await handle.db.select().from(orgExceptions).where(eq(orgExceptions.awsAccountId, account.id));
    const fields = {
      failureCode: c.code,
      failureReason: c.reason ?? null,
      failureMessage: expect.stringMatching(/^InviteAccountToOrganization: /),
    };

    switch (c.kind) {
      case "refused":
      case "rate_limited":
        // A single invite is not queued: the person sees why and tries later.
        expect(outcome.kind).toBe("failed");
        expect(row).toMatchObject({ phase: "failed", handshakeId: null, ...fields });
        expect(exceptions).toHaveLength(0);
        break;
      case "account_side":
        expect(outcome.kind).toBe("exception");
        expect(row).toMatchObject({ phase: "failed", handshakeId: null, ...fields });
        expect(exceptions).toMatchObject([{ kind: "aws_refused", state: "open", inviteId: row!.id }]);
        expect(exceptions[0]!.reason).toContain(c.reason!);
        break;
      case "reconcile": {
        expect(outcome.kind).toBe("in_doubt");
        expect(row).toMatchObject({ phase: "in_flight", ...fields });
        // AWS lists nothing for the account: the reconciler concludes it was never sent, without sending.
        await reconcile(0);
        const [after] = await invitesOf(handle.db, account.id);
        expect(after).toMatchObject({ phase: "failed", failureCode: "not_sent", handshakeId: null });
        expect(inviteCalls()).toBe(1);
        break;
      }
    }
    expect(handshakesOf(account.accountId)).toHaveLength(0);
  });

  it("AWS's daily limit on a bulk invite keeps it queued (not failed), with the reason", async () => {
    const account = await addVerifiedAccount(handle.db, "730000000097");
    invite = async () => {
      throw cv("HANDSHAKE_RATE_LIMIT_EXCEEDED")();
    };
    expect((await sendInvite(deps(), { awsAccountId: account.id, source: "bulk" })).kind).toBe("queued");
    expect(await handle.db.select().from(orgInvites).where(eq(orgInvites.awsAccountId, account.id))).toMatchObject([
      { phase: "queued", failureReason: "HANDSHAKE_RATE_LIMIT_EXCEEDED" },
    ]);
    expect(inviteCalls()).toBe(1);
  });
});
