import { ConstraintViolationException, TooManyRequestsException } from "@aws-sdk/client-organizations";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents, orgInvites } from "@/db/schema";
import { sandboxWorld } from "@/lib/aws/sandbox-world";
import { accountByAwsId, addVerifiedAccount, invitesOf } from "./testing/invite-test-kit";
import { sendInvite } from "./send-invite";
import { wire } from "./testing/invite-failure-kit";
import {
  awsInvites,
  callerOrganization,
  DAY,
  handshakesOf,
  inviteCalls,
  recordHandshake,
  timeout,
  setupSdkInviteWorld,
} from "./testing/sdk-organizations-kit";

/**
 * The send path over the real SDK gateway (aws-sdk-client-mock) when AWS's answer is lost or late: timeouts,
 * DuplicateHandshake and throttling are settled by reading AWS, never by sending twice. What each exception
 * InviteAccountToOrganization documents leads to is in send-invite.sdk.test.ts.
 */

const { db, deps, reconcile, answerInvites, failListing } = setupSdkInviteWorld();

describe("sendInvite over the SDK gateway", () => {
  it("the SDK times out after AWS accepted: the handshake is adopted from ListHandshakes, never sent twice", async () => {
    const tyrell = await accountByAwsId(db(), "100000000008");
    answerInvites(async (input, getClient) => {
      recordHandshake(await callerOrganization(getClient), input.Target!.Id!);
      throw timeout();
    });
    const outcome = await sendInvite(deps(), { awsAccountId: tyrell.id, source: "single" });
    const [handshake] = handshakesOf("100000000008");
    expect(outcome).toMatchObject({
      kind: "sent",
      invite: { phase: "sent", handshakeId: handshake!.Id, state: "OPEN" },
    });
    const [audit] = await db()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "invites.send"), eq(auditEvents.targetId, tyrell.id)));
    expect(audit!.after).toMatchObject({ result: "sent", handshakeId: handshake!.Id, adoptedAfter: "network" });

    await reconcile(0);
    expect(await invitesOf(db(), tyrell.id)).toMatchObject([
      { phase: "sent", handshakeId: handshake!.Id, state: "OPEN" },
    ]);
    expect(inviteCalls()).toBe(1);
    expect(handshakesOf("100000000008")).toHaveLength(1);
  });

  it("the SDK times out after AWS accepted and AWS cannot be read either: in doubt, then the reconciler adopts it", async () => {
    const account = await accountByAwsId(db(), "100000000001");
    answerInvites(async (input, getClient) => {
      recordHandshake(await callerOrganization(getClient), input.Target!.Id!);
      throw timeout();
    });
    failListing(1);
    const outcome = await sendInvite(deps(), { awsAccountId: account.id, source: "single" });
    expect(outcome).toMatchObject({ kind: "in_doubt", invite: { phase: "in_flight", failureCode: "network" } });
    // While in doubt the account has its invite: asking again sends nothing.
    expect((await sendInvite(deps(), { awsAccountId: account.id, source: "single" })).kind).toBe("already_pending");

    const reports = await reconcile();
    expect(reports.find((r) => r.organization === "Pump Main")).toMatchObject({ adopted: 1, notSent: 0 });
    const [handshake] = handshakesOf("100000000001");
    expect(await invitesOf(db(), account.id)).toMatchObject([
      { phase: "sent", handshakeId: handshake!.Id, state: "OPEN", failureCode: null },
    ]);
    expect((await accountByAwsId(db(), "100000000001")).onboardingState).toBe("invited");
    expect(inviteCalls()).toBe(1);
    expect(handshakesOf("100000000001")).toHaveLength(1);
  });

  it("DuplicateHandshake: the invitation already pending in AWS (sent days ago, outside Pump) is adopted, no second call", async () => {
    const account = await accountByAwsId(db(), "100000000011");
    const main = sandboxWorld.pumpOrganizations[0];
    const existing = recordHandshake(main, "100000000011", new Date(Date.now() - 3 * DAY));
    const outcome = await sendInvite(deps(), { awsAccountId: account.id, source: "single" });
    expect(outcome).toMatchObject({ kind: "sent", invite: { handshakeId: existing.Id, state: "OPEN" } });
    expect(inviteCalls()).toBe(1);
    expect(handshakesOf("100000000011")).toHaveLength(1);
  });

  it("DuplicateHandshake while AWS cannot be listed: in doubt, and the reconciler adopts the older pending invitation", async () => {
    const account = await addVerifiedAccount(db(), "730000000099");
    const existing = recordHandshake(
      sandboxWorld.pumpOrganizations[0],
      account.accountId,
      new Date(Date.now() - 2 * DAY),
    );
    failListing(1);
    expect((await sendInvite(deps(), { awsAccountId: account.id, source: "single" })).kind).toBe("in_doubt");
    await reconcile(0);
    expect(await invitesOf(db(), account.id)).toMatchObject([
      { phase: "sent", handshakeId: existing.Id, state: "OPEN" },
    ]);
    expect(inviteCalls()).toBe(1);
  });

  it("TooManyRequests twice, then AWS accepts: sent, 3 calls, one handshake", async () => {
    const account = await addVerifiedAccount(db(), "730000000098");
    let throttles = 2;
    answerInvites(async (input, getClient) => {
      if (throttles-- > 0) throw new TooManyRequestsException({ ...wire("Rate exceeded", 429), Type: "Throttling" });
      return awsInvites(input, getClient);
    });
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
      const account = await addVerifiedAccount(db(), accountId);
      answerInvites(async () => {
        throw error();
      });
      expect(await sendInvite(deps(), { awsAccountId: account.id, source: "bulk" })).toMatchObject({ kind: "queued" });
      expect(await invitesOf(db(), account.id)).toMatchObject([{ phase: "queued", handshakeId: null }]);
      expect(handshakesOf(account.accountId)).toHaveLength(0);
      await db()
        .update(orgInvites)
        .set({ phase: "failed", failureCode: "canceled" })
        .where(eq(orgInvites.awsAccountId, account.id));
    },
  );
});
