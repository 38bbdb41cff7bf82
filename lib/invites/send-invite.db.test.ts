import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { auditEvents, orgExceptions, orgInvites, sandboxOrganizations, sandboxOrgMembers } from "@/db/schema";
import { seedDatabase } from "@/db/seed-core";
import { createTestDatabase, testDatabaseKind } from "@/db/testing/test-database";
import { createSandboxGateway } from "@/lib/aws/sandbox-gateway";
import { advanceSandboxClock, sandboxDeclineHandshake } from "@/lib/aws/sandbox-organizations-admin";
import { isDomainError } from "@/lib/errors";
import { cancelInvite, resendInvite } from "./cancel-invite";
import {
  accountByAwsId,
  addVerifiedAccount,
  inviteDeps,
  invitesOf,
  organizationByName,
  reconcileDeps,
  sandboxHandshakeCount,
  sandboxHandshakesFor,
} from "./testing/invite-test-kit";
import { TRANSFER_LOSSES } from "./preflight";
import { processInviteQueue, queueBulkInvites, sendQueuedInvite } from "./queue";
import { reconcileAll } from "./reconcile";
import { sendInvite } from "./send-invite";
import { organizationUsage } from "./usage";

/**
 * The send path on the sandbox's AWS (state in the database, on both PGlite and PostgreSQL). Tests run in order
 * and share one seeded database: each uses its own accounts, and resets the sandbox settings it changes. The daily
 * window and expiry follow AWS's clock (gateway.now()), so advanceSandboxClock moves them for Pump too.
 */

let handle: DatabaseHandle;
const db = () => handle.db;
const deps = () => inviteDeps(db(), createSandboxGateway(db()));
const reconcile = () => reconcileAll(reconcileDeps(db(), createSandboxGateway(db())));
const now = () => createSandboxGateway(db()).now();
const advance = (ms: number) => advanceSandboxClock(db(), ms);
const rejection = (p: Promise<unknown>) =>
  p.then(
    () => {
      throw new Error("expected a DomainError");
    },
    (e: unknown) => {
      expect(isDomainError(e)).toBe(true);
      return (e as Error).message;
    },
  );
const HOUR = 3600_000;
const DAY = 24 * HOUR;

beforeAll(async () => {
  handle = await createTestDatabase();
  await seedDatabase(handle.db);
}, 120_000);
afterAll(() => handle.close());

describe(`sendInvite on the sandbox (${testDatabaseKind()})`, () => {
  it("sends once: OPEN in AWS and in Pump; a second request finds it pending and calls nothing", async () => {
    const tyrell = await accountByAwsId(db(), "100000000008");
    const first = await sendInvite(deps(), { awsAccountId: tyrell.id, source: "single" });
    expect(first).toMatchObject({
      kind: "sent",
      invite: { phase: "sent", state: "OPEN", handshakeId: expect.stringMatching(/^h-/) },
    });
    const second = await sendInvite(deps(), { awsAccountId: tyrell.id, source: "single" });
    expect(second).toMatchObject({
      kind: "already_pending",
      invite: { id: first.kind === "sent" ? first.invite.id : "" },
    });

    expect(await sandboxHandshakesFor(db(), "100000000008")).toHaveLength(1);
    expect(await invitesOf(db(), tyrell.id)).toHaveLength(1);
    expect((await accountByAwsId(db(), "100000000008")).onboardingState).toBe("invited");
    const audit = await db()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "invites.send"), eq(auditEvents.targetId, tyrell.id)))
      .orderBy(auditEvents.id);
    expect(audit.map((a) => (a.after as { result: string }).result)).toEqual(["sent", "already_pending"]);
  });

  it("a member of another organization: staff must acknowledge the transfer; an automatic invite becomes an exception", async () => {
    const wayne = await accountByAwsId(db(), "100000000004");
    const message = await rejection(sendInvite(deps(), { awsAccountId: wayne.id, source: "single" }));
    expect(message).toContain("o-wayne000001");
    for (const loss of TRANSFER_LOSSES) expect(message).toContain(loss);
    expect(await sandboxHandshakesFor(db(), "100000000004")).toHaveLength(0);

    const auto = await sendInvite(deps(), { awsAccountId: wayne.id, source: "auto" });
    expect(auto.kind).toBe("exception");
    const exceptions = await db()
      .select()
      .from(orgExceptions)
      .where(and(eq(orgExceptions.awsAccountId, wayne.id), eq(orgExceptions.state, "open")));
    expect(exceptions).toHaveLength(1);
    expect(exceptions[0]).toMatchObject({ kind: "other_member", reason: "Member of another organization" });
    expect(exceptions[0]!.details).toContain("o-wayne000001");
    expect(await invitesOf(db(), wayne.id)).toHaveLength(0);
    expect(await sandboxHandshakesFor(db(), "100000000004")).toHaveLength(0);

    const acknowledged = await sendInvite(deps(), {
      awsAccountId: wayne.id,
      source: "single",
      acknowledgeTransfer: true,
    });
    expect(acknowledged).toMatchObject({ kind: "sent", invite: { state: "OPEN" } });
    expect(await sandboxHandshakesFor(db(), "100000000004")).toMatchObject([{ state: "OPEN" }]);
    expect((await accountByAwsId(db(), "100000000004")).onboardingState).toBe("invited");
  });

  it("AWS says the account is already in the organization (Pump did not know): failed + an aws_refused exception", async () => {
    const main = await organizationByName(db(), "Pump Main");
    const account = await addVerifiedAccount(db(), "720000000001");
    await db().insert(sandboxOrgMembers).values({ accountId: account.accountId, organizationId: main.orgId });
    try {
      const outcome = await sendInvite(deps(), { awsAccountId: account.id, source: "single" });
      expect(outcome.kind).toBe("exception");
      const [row] = await invitesOf(db(), account.id);
      expect(row).toMatchObject({
        phase: "failed",
        handshakeId: null,
        failureCode: "handshake_constraint_violation",
        failureReason: "ALREADY_IN_AN_ORGANIZATION",
      });
      expect(row!.failureMessage).toMatch(/already a member of an organization/);
      const [exception] = await db().select().from(orgExceptions).where(eq(orgExceptions.awsAccountId, account.id));
      expect(exception).toMatchObject({
        kind: "aws_refused",
        state: "open",
        inviteId: row!.id,
        reason: expect.stringContaining("ALREADY_IN_AN_ORGANIZATION"),
      });
      expect((await accountByAwsId(db(), account.accountId)).onboardingState).toBe("exception");
      expect(await sandboxHandshakesFor(db(), account.accountId)).toHaveLength(0);
    } finally {
      await db().delete(sandboxOrgMembers).where(eq(sandboxOrgMembers.accountId, account.accountId));
    }
  });

  it("AWS's own daily limit (tighter than Pump's count): a single invite fails with the reason, a bulk one waits queued", async () => {
    const main = await organizationByName(db(), "Pump Main");
    const single = await addVerifiedAccount(db(), "720000000002");
    const bulk = await addVerifiedAccount(db(), "720000000003");
    // Main already sent two invitations today (Tyrell, Wayne): a limit of 2 makes AWS refuse the third.
    await db().update(sandboxOrganizations).set({ dailyInviteLimit: 2 }).where(eq(sandboxOrganizations.id, main.orgId));
    try {
      const failed = await sendInvite(deps(), { awsAccountId: single.id, source: "single" });
      expect(failed.kind).toBe("failed");
      expect((await invitesOf(db(), single.id))[0]).toMatchObject({
        phase: "failed",
        failureCode: "constraint_violation",
        failureReason: "HANDSHAKE_RATE_LIMIT_EXCEEDED",
      });

      const queued = await sendInvite(deps(), { awsAccountId: bulk.id, source: "bulk" });
      expect(queued.kind).toBe("queued");
      const [row] = await invitesOf(db(), bulk.id);
      expect(row).toMatchObject({ phase: "queued", failureReason: "HANDSHAKE_RATE_LIMIT_EXCEEDED" });
      expect(await sandboxHandshakesFor(db(), single.accountId)).toHaveLength(0);
      expect(await sandboxHandshakesFor(db(), bulk.accountId)).toHaveLength(0);
      // Taken off the queue again, so the later tests see an empty queue.
      await cancelInvite(deps(), row!.id, bulk.accountId);
      expect((await invitesOf(db(), bulk.id))[0]).toMatchObject({ phase: "failed", failureCode: "canceled" });
    } finally {
      await db()
        .update(sandboxOrganizations)
        .set({ dailyInviteLimit: 20 })
        .where(eq(sandboxOrganizations.id, main.orgId));
    }
  });

  it("AWS's own account quota (tighter than Pump's count): refused, failed with the reason, no exception record", async () => {
    const main = await organizationByName(db(), "Pump Main");
    const account = await addVerifiedAccount(db(), "720000000004");
    await db().update(sandboxOrganizations).set({ accountQuota: 3 }).where(eq(sandboxOrganizations.id, main.orgId));
    try {
      const outcome = await sendInvite(deps(), { awsAccountId: account.id, source: "single" });
      expect(outcome.kind).toBe("failed");
      expect((await invitesOf(db(), account.id))[0]).toMatchObject({
        phase: "failed",
        failureReason: "ACCOUNT_NUMBER_LIMIT_EXCEEDED",
      });
      expect(await db().select().from(orgExceptions).where(eq(orgExceptions.awsAccountId, account.id))).toHaveLength(0);
    } finally {
      await db().update(sandboxOrganizations).set({ accountQuota: 10 }).where(eq(sandboxOrganizations.id, main.orgId));
    }
  });

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
