import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents, orgExceptions, sandboxOrganizations, sandboxOrgMembers } from "@/db/schema";
import { testDatabaseKind } from "@/db/testing/test-database";
import { cancelInvite } from "./cancel-invite";
import {
  accountByAwsId,
  addVerifiedAccount,
  invitesOf,
  organizationByName,
  sandboxHandshakesFor,
} from "./testing/invite-test-kit";
import { TRANSFER_LOSSES } from "./preflight";
import { sendInvite } from "./send-invite";
import { rejection, setupSandboxSends } from "./testing/sandbox-send-kit";

/**
 * The send path on the sandbox's AWS (state in the database, on both PGlite and PostgreSQL): what one send ends in.
 * Tests run in order and share one seeded database: each uses its own accounts, and resets the sandbox settings it
 * changes. Cancel, resend, headroom, the daily window and expiry are in send-invite-lifecycle.db.test.ts.
 */

const { db, deps } = setupSandboxSends();

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
});
