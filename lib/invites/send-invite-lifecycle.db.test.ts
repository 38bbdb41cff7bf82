import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditEvents, orgInvites } from "@/db/schema";
import { testDatabaseKind } from "@/db/testing/test-database";
import { sandboxDeclineHandshake } from "@/lib/aws/sandbox-organizations-admin";
import { cancelInvite, resendInvite } from "./cancel-invite";
import {
  accountByAwsId,
  addVerifiedAccount,
  invitesOf,
  organizationByName,
  sandboxHandshakeCount,
  sandboxHandshakesFor,
} from "./testing/invite-test-kit";
import { processInviteQueue, queueBulkInvites, sendQueuedInvite } from "./queue";
import { sendInvite } from "./send-invite";
import { DAY, rejection, setupSandboxSends } from "./testing/sandbox-send-kit";
import { organizationUsage } from "./usage";

/**
 * An invite after it is sent, on the sandbox's AWS (both PGlite and PostgreSQL): cancel, resend, the quota and the
 * daily window that hold the next one back, and expiry. Tests run in order and share one seeded database: each uses
 * its own accounts. The daily window and expiry follow AWS's clock, moved by `advance`.
 */

const { db, deps, reconcile, now, advance } = setupSandboxSends();

// Tyrell and Wayne have a pending invitation into Pump Main, as after send-invite.db.test.ts: the quota figures and
// the expiry below count on them.
beforeAll(async () => {
  for (const [accountId, acknowledgeTransfer] of [
    ["100000000008", false],
    ["100000000004", true],
  ] as const) {
    const account = await accountByAwsId(db(), accountId);
    const outcome = await sendInvite(deps(), { awsAccountId: account.id, source: "single", acknowledgeTransfer });
    if (outcome.kind !== "sent") throw new Error(`setup: expected ${accountId} sent, got ${outcome.kind}`);
  }
});

describe(`an invite after it is sent, on the sandbox (${testDatabaseKind()})`, () => {
  it("cancels a pending invite only with the account ID typed again: CANCELED in AWS and in Pump", async () => {
    const account = await addVerifiedAccount(db(), "720000000010");
    const sent = await sendInvite(deps(), { awsAccountId: account.id, source: "single" });
    if (sent.kind !== "sent") throw new Error(`expected sent, got ${sent.kind}`);

    await rejection(cancelInvite(deps(), sent.invite.id, "999999999999"));
    expect(await sandboxHandshakesFor(db(), account.accountId)).toMatchObject([{ state: "OPEN" }]);

    await cancelInvite(deps(), sent.invite.id, account.accountId);
    expect(await sandboxHandshakesFor(db(), account.accountId)).toMatchObject([{ state: "CANCELED" }]);
    const [row] = await invitesOf(db(), account.id);
    expect(row).toMatchObject({ phase: "sent", state: "CANCELED", endedAt: expect.any(Date) });
    expect((await accountByAwsId(db(), account.accountId)).onboardingState).toBe("role_verified");
  });

  it("resends: the old invitation CANCELED, a new OPEN one pointing at it", async () => {
    const account = await addVerifiedAccount(db(), "720000000011");
    const sent = await sendInvite(deps(), { awsAccountId: account.id, source: "single" });
    if (sent.kind !== "sent") throw new Error(`expected sent, got ${sent.kind}`);
    const resent = await resendInvite(deps(), sent.invite.id, account.accountId, false);
    if (resent.kind !== "sent") throw new Error(`expected sent, got ${resent.kind}`);

    expect(resent.invite).toMatchObject({ resendOfId: sent.invite.id, source: "resend", state: "OPEN" });
    expect(resent.invite.handshakeId).not.toBe(sent.invite.handshakeId);
    const rows = await invitesOf(db(), account.id);
    expect(rows.map((r) => [r.handshakeId, r.state])).toEqual([
      [sent.invite.handshakeId, "CANCELED"],
      [resent.invite.handshakeId, "OPEN"],
    ]);
    const inAws = await sandboxHandshakesFor(db(), account.accountId);
    expect(Object.fromEntries(inAws.map((h) => [h.id, h.state]))).toEqual({
      [sent.invite.handshakeId!]: "CANCELED",
      [resent.invite.handshakeId!]: "OPEN",
    });
  });

  it("pending invitations count against the quota: a full Pump Main holds the next one; a decline returns the slot", async () => {
    const main = await organizationByName(db(), "Pump Main");
    const before = await organizationUsage(db(), main, await now());
    const room = before.quota - before.members - before.pending;
    // 3 accounts + 5 pending (Globex, Wonka, Tyrell, Wayne, the resent one): 2 of 10 left.
    expect(room).toBe(2);
    const fillers = [];
    for (let i = 0; i < room; i++) {
      const account = await addVerifiedAccount(db(), `7200000000${20 + i}`);
      const outcome = await sendInvite(deps(), { awsAccountId: account.id, source: "single" });
      expect(outcome.kind).toBe("sent");
      fillers.push(outcome.kind === "sent" ? outcome.invite : null);
    }
    expect((await organizationUsage(db(), main, await now())).headroom).toBe(0);

    const next = await addVerifiedAccount(db(), "720000000029");
    const message = await rejection(sendInvite(deps(), { awsAccountId: next.id, source: "single" }));
    expect(message).toMatch(/^Not sent: The organization is full: 3 accounts \+ 7 pending of 10/);
    const [queuedItem] = await queueBulkInvites(deps(), {
      awsAccountIds: [next.id],
      pumpOrganizationId: main.id,
      acknowledgeTransfer: false,
    });
    expect(await sendQueuedInvite(deps(), queuedItem!.inviteId)).toMatchObject({ kind: "queued" });
    expect(await sandboxHandshakesFor(db(), next.accountId)).toHaveLength(0);

    await sandboxDeclineHandshake(db(), fillers[0]!.handshakeId!);
    await reconcile();
    expect((await db().select().from(orgInvites).where(eq(orgInvites.id, fillers[0]!.id)))[0]).toMatchObject({
      state: "DECLINED",
    });
    expect((await organizationUsage(db(), main, await now())).headroom).toBe(1);

    expect(await processInviteQueue(deps())).toEqual([
      { inviteId: queuedItem!.inviteId, kind: "sent", detail: undefined },
    ]);
    expect((await invitesOf(db(), next.id))[0]).toMatchObject({ phase: "sent", state: "OPEN", source: "bulk" });
    expect(await sandboxHandshakesFor(db(), next.accountId)).toMatchObject([{ state: "OPEN" }]);
  });

  it("the daily limit: the 21st attempt in 24 h is held (single: Not sent; bulk: queued) and goes a day later", async () => {
    const europe = await organizationByName(db(), "Pump Europe");
    const initrode = await Promise.all(
      Array.from({ length: 21 }, (_, i) => accountByAwsId(db(), String(610000000001 + i))),
    );
    for (const account of initrode.slice(0, 20)) {
      expect((await sendInvite(deps(), { awsAccountId: account.id, source: "single" })).kind).toBe("sent");
    }
    expect(await sandboxHandshakeCount(db(), europe.orgId)).toBe(20);

    const last = initrode[20]!;
    const message = await rejection(sendInvite(deps(), { awsAccountId: last.id, source: "single" }));
    expect(message).toMatch(/^Not sent: 20 of 20 invitation attempts in the last 24 hours\. Next slot /);
    const [queuedItem] = await queueBulkInvites(deps(), {
      awsAccountIds: [last.id],
      pumpOrganizationId: europe.id,
      acknowledgeTransfer: false,
    });
    const held = await sendQueuedInvite(deps(), queuedItem!.inviteId);
    expect(held).toMatchObject({ kind: "queued", detail: expect.stringContaining("daily invitation limit") });
    expect(await sandboxHandshakeCount(db(), europe.orgId)).toBe(20);

    await advance(DAY + 60_000);
    await reconcile();
    expect(await processInviteQueue(deps())).toMatchObject([{ inviteId: queuedItem!.inviteId, kind: "sent" }]);
    expect(await sandboxHandshakeCount(db(), europe.orgId)).toBe(21);
    expect((await invitesOf(db(), last.id))[0]).toMatchObject({ phase: "sent", state: "OPEN" });
  });

  it("expiry: 15 days later the reconciler marks the invite EXPIRED and the account can be invited again", async () => {
    const tyrell = await accountByAwsId(db(), "100000000008");
    await advance(15 * DAY);
    await reconcile();
    const [row] = await invitesOf(db(), tyrell.id);
    expect(row).toMatchObject({ phase: "sent", state: "EXPIRED", endedAt: expect.any(Date) });
    expect((await accountByAwsId(db(), "100000000008")).onboardingState).toBe("role_verified");
    const changes = await db()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "invites.state_changed"), eq(auditEvents.targetId, tyrell.id)));
    expect(changes.map((c) => (c.after as { state: string }).state)).toEqual(["EXPIRED"]);

    expect((await sendInvite(deps(), { awsAccountId: tyrell.id, source: "single" })).kind).toBe("sent");
    expect(await sandboxHandshakesFor(db(), "100000000008")).toHaveLength(2);
    expect((await invitesOf(db(), tyrell.id)).map((r) => r.state)).toEqual(["EXPIRED", "OPEN"]);
    expect((await accountByAwsId(db(), "100000000008")).onboardingState).toBe("invited");
  });
});
