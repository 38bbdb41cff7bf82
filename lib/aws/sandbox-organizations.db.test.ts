import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { sandboxOrgMembers } from "@/db/schema";
import { createTestDatabase, testDatabaseKind } from "@/db/testing/test-database";
import { AwsDomainError } from "./errors";
import type { AwsGateway, AwsSession } from "./gateway";
import { createSandboxGateway } from "./sandbox-gateway";
import { advanceSandboxClock, sandboxAcceptHandshake, sandboxDeclineHandshake } from "./sandbox-organizations-admin";
import { sandboxWorld, seedSandboxWorld } from "./sandbox-world";

const DAY_MS = 24 * 3600 * 1000;
const { customers, otherOrgMember, otherOrganizations } = sandboxWorld;
const [main] = sandboxWorld.pumpOrganizations;
const sessionName = "pump-support@pump.test";

describe(`sandbox Organizations specifics (${testDatabaseKind()})`, () => {
  let handle: DatabaseHandle;
  let gateway: AwsGateway;
  // The gateway's own clock stays put: only the sandbox's Organizations clock moves, so sessions stay valid.
  const now = () => new Date("2026-03-01T12:00:00.000Z");
  const opts = { now };
  const operator = () => gateway.assumeRole({ roleArn: main.operatorRoleArn, sessionName });
  const memberOf = async (accountId: string) =>
    (await handle.db.select().from(sandboxOrgMembers).where(eq(sandboxOrgMembers.accountId, accountId)))[0];
  const code = (p: Promise<unknown>) =>
    p.then(
      () => "resolved",
      (e: unknown) => (e instanceof AwsDomainError ? `${e.code}/${e.awsErrorName}` : String(e)),
    );

  beforeAll(async () => {
    handle = await createTestDatabase();
    await seedSandboxWorld(handle.db);
    gateway = createSandboxGateway(handle.db, opts);
  });
  afterAll(() => handle.close());

  it("reads an open invitation as EXPIRED once 15 days have passed, and frees its quota slot", async () => {
    const op = await operator();
    const invite = await gateway.inviteAccount(op, { accountId: "900000000401" });
    await advanceSandboxClock(handle.db, 15 * DAY_MS - 1000);
    expect((await gateway.describeHandshake(op, invite.id)).state).toBe("OPEN");
    await advanceSandboxClock(handle.db, 1000);
    expect((await gateway.describeHandshake(op, invite.id)).state).toBe("EXPIRED");
    expect(await code(gateway.cancelHandshake(op, invite.id))).toBe(
      "invalid_state/InvalidHandshakeTransitionException",
    );
    expect(await code(sandboxAcceptHandshake(handle.db, invite.id, opts))).toBe(
      "invalid_state/InvalidHandshakeTransitionException",
    );
    // No longer pending: the same account can be invited again.
    await expect(gateway.inviteAccount(op, { accountId: "900000000401" })).resolves.toMatchObject({ state: "OPEN" });
  });

  it("drops terminal handshakes from listings 30 days after they ended", async () => {
    const op = await operator();
    const invite = await gateway.inviteAccount(op, { accountId: "900000000402" });
    await gateway.cancelHandshake(op, invite.id);
    await advanceSandboxClock(handle.db, 30 * DAY_MS - 1000);
    expect((await gateway.listInviteHandshakes(op)).map((h) => h.id)).toContain(invite.id);
    await advanceSandboxClock(handle.db, 1000);
    expect((await gateway.listInviteHandshakes(op)).map((h) => h.id)).not.toContain(invite.id);
    expect(await code(gateway.describeHandshake(op, invite.id))).toBe("not_found/HandshakeNotFoundException");
  });

  it("accepts: the account joins the organization and counts as a member from then on", async () => {
    const op = await operator();
    const invite = await gateway.inviteAccount(op, { accountId: customers.globex.accountId });
    const accepted = await sandboxAcceptHandshake(handle.db, invite.id, opts);
    expect(accepted).toMatchObject({ id: invite.id, state: "ACCEPTED" });
    expect(await memberOf(customers.globex.accountId)).toMatchObject({
      organizationId: main.orgId,
      isManagement: false,
    });
    expect((await gateway.describeHandshake(op, invite.id)).state).toBe("ACCEPTED");
    expect(await code(gateway.inviteAccount(op, { accountId: customers.globex.accountId }))).toBe(
      "handshake_constraint_violation/HandshakeConstraintViolationException",
    );
    expect(await code(sandboxAcceptHandshake(handle.db, invite.id, opts))).toBe(
      "invalid_state/HandshakeAlreadyInStateException",
    );
    expect(await code(gateway.cancelHandshake(op, invite.id))).toBe(
      "invalid_state/InvalidHandshakeTransitionException",
    );
  });

  it("moves a member of another organization on acceptance (direct transfer)", async () => {
    const op = await operator();
    const invite = await gateway.inviteAccount(op, { accountId: otherOrgMember.accountId });
    await sandboxAcceptHandshake(handle.db, invite.id, opts);
    const session: AwsSession = await gateway.assumeRole({
      roleArn: otherOrgMember.roleArn,
      sessionName,
      externalId: otherOrgMember.externalId,
      as: op,
    });
    expect(await gateway.describeOrganization(session)).toMatchObject({ id: main.orgId });
  });

  it("refuses acceptance by the management account of another organization", async () => {
    const op = await operator();
    const invite = await gateway.inviteAccount(op, { accountId: otherOrganizations.stark.managementAccountId });
    expect(await code(sandboxAcceptHandshake(handle.db, invite.id, opts))).toBe(
      "management_account_cannot_leave/MasterCannotLeaveOrganizationException",
    );
    expect((await gateway.describeHandshake(op, invite.id)).state).toBe("OPEN");
    expect((await memberOf(otherOrganizations.stark.managementAccountId))?.organizationId).toBe(
      otherOrganizations.stark.orgId,
    );
  });

  it("declines: DECLINED, the account stays out, and the account can be invited again", async () => {
    const op = await operator();
    const invite = await gateway.inviteAccount(op, { accountId: customers.umbrella.accountId });
    expect(await sandboxDeclineHandshake(handle.db, invite.id, opts)).toMatchObject({ state: "DECLINED" });
    expect(await memberOf(customers.umbrella.accountId)).toBeUndefined();
    expect(await code(sandboxDeclineHandshake(handle.db, invite.id, opts))).toBe(
      "invalid_state/HandshakeAlreadyInStateException",
    );
    await expect(gateway.inviteAccount(op, { accountId: customers.umbrella.accountId })).resolves.toMatchObject({
      state: "OPEN",
    });
  });

  it("lets only the sender cancel, and refuses a clock moving backwards", async () => {
    const op = await operator();
    const invite = await gateway.inviteAccount(op, { accountId: customers.acme.accountId });
    const acme = await gateway.assumeRole({
      roleArn: customers.acme.roleArn,
      sessionName,
      externalId: customers.acme.externalId,
      as: op,
    });
    expect((await gateway.describeHandshake(acme, invite.id)).state).toBe("OPEN");
    expect(await code(gateway.cancelHandshake(acme, invite.id))).toBe("access_denied/AccessDeniedException");
    await expect(advanceSandboxClock(handle.db, -1)).rejects.toThrow(/forward/);
  });
});
