// PostgreSQL server only (`*.pg.test.ts`): PGlite has one connection, so it cannot show transactions racing.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { auditEvents, pumpOrganizations } from "@/db/schema";
import { seedDatabase } from "@/db/seed-core";
import { createTestDatabase } from "@/db/testing/test-database";
import { createSandboxGateway } from "@/lib/aws/sandbox-gateway";
import { isDomainError } from "@/lib/errors";
import {
  accountByAwsId,
  addVerifiedAccount,
  countingGateway,
  inviteDeps,
  invitesOf,
  organizationByName,
  sandboxHandshakeCount,
  sandboxHandshakesFor,
} from "./testing/invite-test-kit";
import { runPreflight } from "./preflight";
import { sendInvite, type SendOutcome } from "./send-invite";

/**
 * The figure to reach: 50 concurrent invites for one account → exactly 1 AWS invite call
 * (README › Invites: exactly once). The database pool is the application's own (10 connections), so the 50 requests
 * also queue for connections, as in production.
 */

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
  await seedDatabase(handle.db);
}, 120_000);
afterAll(() => handle.close());

const settle = (p: Promise<SendOutcome>) =>
  p.then(
    (o) => o.kind,
    (e: unknown) =>
      isDomainError(e) ? "held" : `error: ${(e instanceof Error ? e.message : String(e)).slice(0, 120)}`,
  );
const tally = (kinds: string[]) => kinds.reduce<Record<string, number>>((t, k) => ({ ...t, [k]: (t[k] ?? 0) + 1 }), {});

describe("concurrent invites (postgres)", () => {
  it("50 concurrent sendInvite calls for one account: exactly 1 InviteAccountToOrganization, 49 already_pending", async () => {
    const account = await addVerifiedAccount(handle.db, "740000000001");
    const aws = countingGateway(createSandboxGateway(handle.db));
    const deps = inviteDeps(handle.db, aws.gateway);
    const kinds = await Promise.all(
      Array.from({ length: 50 }, () => settle(sendInvite(deps, { awsAccountId: account.id, source: "single" }))),
    );

    expect(tally(kinds)).toEqual({ sent: 1, already_pending: 49 });
    expect(aws.calls).toBe(1);
    expect(await sandboxHandshakesFor(handle.db, account.accountId)).toHaveLength(1);
    expect(await invitesOf(handle.db, account.id)).toMatchObject([{ phase: "sent", state: "OPEN" }]);
    const audit = await handle.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "invites.send"), eq(auditEvents.targetId, account.id)));
    expect(tally(audit.map((a) => (a.after as { result: string }).result))).toEqual({ sent: 1, already_pending: 49 });
  });

  it("50 concurrent sends that all passed preflight before any intent existed: still exactly 1 call", async () => {
    const account = await addVerifiedAccount(handle.db, "740000000002");
    const aws = countingGateway(createSandboxGateway(handle.db));
    const deps = inviteDeps(handle.db, aws.gateway);
    // One preflight, read before any of them recorded its intent: only the account lock and the unique index stand
    // between the 50 and AWS.
    const preflight = await runPreflight(deps, { awsAccountId: account.id });
    expect(preflight.verdict.kind).toBe("ready");
    const kinds = await Promise.all(
      Array.from({ length: 50 }, () =>
        settle(sendInvite(deps, { awsAccountId: account.id, source: "single" }, preflight)),
      ),
    );

    expect(tally(kinds)).toEqual({ sent: 1, already_pending: 49 });
    expect(aws.calls).toBe(1);
    expect(await sandboxHandshakesFor(handle.db, account.accountId)).toHaveLength(1);
    expect(await invitesOf(handle.db, account.id)).toHaveLength(1);
  });

  it("25 accounts at once into an organization with 5 slots of daily headroom: exactly 5 calls, 20 held", async () => {
    const europe = await organizationByName(handle.db, "Pump Europe");
    await handle.db.update(pumpOrganizations).set({ dailyInviteLimit: 5 }).where(eq(pumpOrganizations.id, europe.id));
    const accounts = await Promise.all(
      Array.from({ length: 25 }, (_, i) => accountByAwsId(handle.db, String(610000000001 + i))),
    );
    const aws = countingGateway(createSandboxGateway(handle.db));
    const deps = inviteDeps(handle.db, aws.gateway);
    // Every one of them passed preflight (5 slots free): only the organization lock keeps the count honest.
    const preflights = await Promise.all(accounts.map((a) => runPreflight(deps, { awsAccountId: a.id })));
    expect(preflights.map((p) => p.verdict.kind)).toEqual(accounts.map(() => "ready"));
    const kinds = await Promise.all(
      accounts.map((a, i) =>
        settle(sendInvite(deps, { awsAccountId: a.id, source: i % 2 ? "single" : "bulk" }, preflights[i])),
      ),
    );

    const t = tally(kinds);
    expect(t.sent).toBe(5);
    // Held: the single invites refused with "Not sent", the bulk ones queued.
    expect((t.held ?? 0) + (t.queued ?? 0)).toBe(20);
    expect(t.held).toBeGreaterThan(0);
    expect(t.queued).toBeGreaterThan(0);
    expect(aws.calls).toBe(5);
    expect(await sandboxHandshakeCount(handle.db, europe.orgId)).toBe(5);
  });
});
