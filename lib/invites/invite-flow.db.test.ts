import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle, Db } from "@/db/client";
import { auditEvents, awsAccounts, orgExceptions, orgInvites, pumpOrganizations, sandboxHandshakes } from "@/db/schema";
import { seedDatabase } from "@/db/seed-core";
import { createTestDatabase, testDatabaseKind } from "@/db/testing/test-database";
import { createSandboxGateway } from "@/lib/aws/sandbox-gateway";
import { sandboxAcceptHandshake } from "@/lib/aws/sandbox-organizations-admin";
import { recordAudit } from "@/lib/audit/record";
import { listExceptions } from "./exception-queries";
import { runPreflight } from "./preflight";
import { reconcileAll } from "./reconcile";
import { sendInvite, type InviteDeps } from "./send-invite";

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
  await seedDatabase(handle.db);
}, 120_000);
afterAll(() => handle.close());

const staff = { email: "support@pump.test" };
const deps = (): InviteDeps => ({
  db: handle.db,
  gateway: createSandboxGateway(handle.db),
  staff,
  requestedBy: staff.email,
  audit: (tx: Db, entry) => recordAudit(tx, { system: "test" }, "req", { action: "invites.send", ...entry }),
  backoffMs: [0, 0],
});
const reconcileDeps = () => ({
  db: handle.db,
  gateway: createSandboxGateway(handle.db),
  staff,
  actor: { system: "test" },
  requestId: "req",
});
const account = async (accountId: string) =>
  (await handle.db.select().from(awsAccounts).where(eq(awsAccounts.accountId, accountId)))[0]!;

describe(`invite flow on the sandbox (${testDatabaseKind()})`, () => {
  it("invites a standalone account once: OPEN in AWS, sent in Pump, account invited", async () => {
    const tyrell = await account("100000000008");
    const outcome = await sendInvite(deps(), { awsAccountId: tyrell.id, source: "single" });
    expect(outcome.kind).toBe("sent");
    const [row] = await handle.db.select().from(orgInvites).where(eq(orgInvites.awsAccountId, tyrell.id));
    expect(row).toMatchObject({ phase: "sent", state: "OPEN" });
    expect(
      await handle.db.select().from(sandboxHandshakes).where(eq(sandboxHandshakes.id, row!.handshakeId!)),
    ).toHaveLength(1);
    expect((await account("100000000008")).onboardingState).toBe("invited");

    const again = await sendInvite(deps(), { awsAccountId: tyrell.id, source: "single" });
    expect(again.kind).toBe("already_pending");
  });

  it("follows acceptance: the account joins the organization and its onboarding ends", async () => {
    const tyrell = await account("100000000008");
    const [row] = await handle.db.select().from(orgInvites).where(eq(orgInvites.awsAccountId, tyrell.id));
    await sandboxAcceptHandshake(handle.db, row!.handshakeId!);
    const reports = await reconcileAll(reconcileDeps());
    expect(reports.find((r) => r.organization === "Pump Main")).toMatchObject({ changed: 1 });
    expect(await account("100000000008")).toMatchObject({ membership: "pump_member", onboardingState: "joined" });
    const [main] = await handle.db.select().from(pumpOrganizations).where(eq(pumpOrganizations.name, "Pump Main"));
    expect(main!.memberCount).toBe(4);
    const changes = await handle.db.select().from(auditEvents).where(eq(auditEvents.action, "invites.state_changed"));
    expect(changes.some((c) => c.targetId === tyrell.id)).toBe(true);
  });

  it("routes a management account of another organization to an exception, without an invite", async () => {
    const oscorp = await account("100000000013");
    const outcome = await sendInvite(deps(), { awsAccountId: oscorp.id, source: "single" });
    expect(outcome.kind).toBe("exception");
    expect(await handle.db.select().from(orgInvites).where(eq(orgInvites.awsAccountId, oscorp.id))).toHaveLength(0);
    expect(
      await handle.db.select().from(sandboxHandshakes).where(eq(sandboxHandshakes.accountId, "100000000013")),
    ).toHaveLength(0);
    const [exception] = await handle.db.select().from(orgExceptions).where(eq(orgExceptions.awsAccountId, oscorp.id));
    expect(exception).toMatchObject({ kind: "other_management", state: "open" });
    expect(await account("100000000013")).toMatchObject({
      membership: "other_management",
      onboardingState: "exception",
      otherOrgId: "o-oscorp00001",
    });
    const listed = await listExceptions(handle.db, { view: "open", page: 1 });
    expect(listed.rows.find((r) => r.accountId === "100000000013")).toMatchObject({
      kind: "other_management",
      pumpId: "PUMP-0055",
    });
  });

  it("says so when an exception is open, and what a direct transfer costs, for a member of another organization", async () => {
    const wayne = await account("100000000004");
    const pf = await runPreflight(
      { db: handle.db, gateway: createSandboxGateway(handle.db), staff },
      { awsAccountId: wayne.id },
    );
    expect(pf.checks.find((c) => c.key === "exception")).toMatchObject({ status: "warn" });
    expect(pf.verdict).toMatchObject({ kind: "confirm_transfer", otherOrgId: "o-wayne000001" });
    expect(pf.checks.find((c) => c.key === "organization")?.detail).toMatch(/Identity Center/);
  });
});
