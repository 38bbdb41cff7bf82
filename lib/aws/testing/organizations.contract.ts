import { beforeAll, afterAll, describe, expect, it } from "vitest";
import { AwsDomainError, type AwsErrorCode } from "../errors";
import type { GatewayContractHarness } from "./gateway.contract";
import type { AwsSession, Handshake } from "../gateway";
import { sandboxWorld } from "../sandbox-world";

/**
 * The Organizations half of the AwsGateway contract
 * (https://docs.aws.amazon.com/organizations/latest/APIReference/Welcome.html), registered against the SDK gateway over
 * a fake Organizations (sdk-gateway.test.ts) and the sandbox on a database (sandbox-gateway.db.test.ts). Tests run in
 * order and share one world, as an organization's history does.
 */

const { customers, otherOrgMember, otherOrganizations } = sandboxWorld;
const [main, europe] = sandboxWorld.pumpOrganizations;
const sessionName = "pump-support@pump.test";
const DAY_MS = 24 * 3600 * 1000;

async function failure(promise: Promise<unknown>, code: AwsErrorCode): Promise<AwsDomainError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AwsDomainError);
  expect(error).toMatchObject({ code });
  return error as AwsDomainError;
}

export function describeOrganizationsContract(label: string, setup: () => Promise<GatewayContractHarness>) {
  describe(`AwsGateway Organizations contract (${label})`, () => {
    let h: GatewayContractHarness;
    beforeAll(async () => {
      h = await setup();
    });
    afterAll(() => h.close?.());

    const operator = (org: { operatorRoleArn: string } = main) =>
      h.gateway.assumeRole({ roleArn: org.operatorRoleArn, sessionName });
    const customer = async (role: { roleArn: string; externalId: string | null }): Promise<AwsSession> =>
      h.gateway.assumeRole({
        roleArn: role.roleArn,
        sessionName,
        externalId: role.externalId ?? undefined,
        as: await operator(),
      });
    const pendingIn = (list: Handshake[]) => list.filter((x) => x.state === "OPEN" || x.state === "REQUESTED");

    it("invites an account: OPEN, expiring in 15 days, listed and describable", async () => {
      const op = await operator();
      const invite = await h.gateway.inviteAccount(op, {
        accountId: customers.acme.accountId,
        notes: "Welcome to Pump",
        tags: [{ key: "pump-id", value: "PUMP-0042" }],
      });
      expect(invite).toMatchObject({ state: "OPEN", accountId: customers.acme.accountId, organizationId: main.orgId });
      expect(invite.id).toMatch(/^h-[0-9a-z]{8,32}$/);
      expect(invite.arn).toBe(
        `arn:aws:organizations::${main.managementAccountId}:handshake/${main.orgId}/invite/${invite.id}`,
      );
      expect(invite.requestedAt.getTime()).toBe(h.now().getTime());
      expect(invite.expiresAt.getTime() - invite.requestedAt.getTime()).toBe(15 * DAY_MS);
      expect(await h.gateway.listInviteHandshakes(op)).toEqual([invite]);
      expect(await h.gateway.describeHandshake(op, invite.id)).toEqual(invite);
    });

    it("refuses a second invitation while one is pending with duplicate_handshake", async () => {
      const error = await failure(
        h.gateway.inviteAccount(await operator(), { accountId: customers.acme.accountId }),
        "duplicate_handshake",
      );
      expect(error.awsErrorName).toBe("DuplicateHandshakeException");
    });

    it("refuses to invite an account already in the organization", async () => {
      const error = await failure(
        h.gateway.inviteAccount(await operator(), { accountId: main.managementAccountId }),
        "handshake_constraint_violation",
      );
      expect(error.reason).toBe("ALREADY_IN_AN_ORGANIZATION");
    });

    // An account already in an organization receives the invitation; whether it can join is decided when it accepts
    // (https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_accounts_accept-decline-invite.html).
    it("sends invitations to accounts of other organizations; acceptance decides", async () => {
      const op = await operator();
      for (const accountId of [otherOrgMember.accountId, otherOrganizations.stark.managementAccountId]) {
        expect(await h.gateway.inviteAccount(op, { accountId })).toMatchObject({ state: "OPEN", accountId });
      }
    });

    it("cancels a pending invitation, then answers a second cancel with invalid_state", async () => {
      const op = await operator();
      const invite = await h.gateway.inviteAccount(op, { accountId: customers.globex.accountId });
      const canceled = await h.gateway.cancelHandshake(op, invite.id);
      expect(canceled).toMatchObject({ id: invite.id, state: "CANCELED", accountId: customers.globex.accountId });
      expect((await h.gateway.listInviteHandshakes(op)).find((x) => x.id === invite.id)?.state).toBe("CANCELED");
      const again = await failure(h.gateway.cancelHandshake(op, invite.id), "invalid_state");
      expect(again.awsErrorName).toBe("HandshakeAlreadyInStateException");
    });

    it("counts pending invitations against the account quota of 10 (ACCOUNT_NUMBER_LIMIT_EXCEEDED)", async () => {
      const op = await operator();
      let error: AwsDomainError | undefined;
      for (let i = 0; i < 10 && !error; i++) {
        const accountId = `9000000001${String(i).padStart(2, "0")}`;
        error = await h.gateway.inviteAccount(op, { accountId }).then(
          () => undefined,
          (e: unknown) => e as AwsDomainError,
        );
      }
      expect(error).toMatchObject({ code: "constraint_violation", reason: "ACCOUNT_NUMBER_LIMIT_EXCEEDED" });
      const pending = pendingIn(await h.gateway.listInviteHandshakes(op));
      expect(pending.length + 1).toBe(10); // + the management account itself
      // Canceling returns the slot.
      await h.gateway.cancelHandshake(op, pending[pending.length - 1]!.id);
      await expect(h.gateway.inviteAccount(op, { accountId: "900000000199" })).resolves.toMatchObject({
        state: "OPEN",
      });
    });

    it("refuses the 21st invitation attempt in 24 hours, canceled ones included (HANDSHAKE_RATE_LIMIT_EXCEEDED)", async () => {
      const op = await operator(europe);
      const accountId = customers.initech.accountId;
      for (let i = 0; i < 20; i++) {
        const invite = await h.gateway.inviteAccount(op, { accountId });
        await h.gateway.cancelHandshake(op, invite.id);
      }
      const error = await failure(h.gateway.inviteAccount(op, { accountId }), "constraint_violation");
      expect(error.reason).toBe("HANDSHAKE_RATE_LIMIT_EXCEEDED");
      expect(await h.gateway.listInviteHandshakes(op)).toHaveLength(20);
    });

    it("describes the caller's organization: null when standalone, the organization for a member", async () => {
      expect(await h.gateway.describeOrganization(await customer(customers.acme))).toBeNull();
      expect(await h.gateway.describeOrganization(await customer(otherOrgMember))).toEqual({
        id: otherOrganizations.wayne.orgId,
        managementAccountId: otherOrganizations.wayne.managementAccountId,
        featureSet: "ALL",
      });
      expect(await h.gateway.describeOrganization(await operator())).toEqual({
        id: main.orgId,
        managementAccountId: main.managementAccountId,
        featureSet: "ALL",
      });
    });

    it("lists the organization's accounts (paginated) from the management account only", async () => {
      expect(await h.gateway.listAccountIds(await operator(europe))).toEqual([europe.managementAccountId]);
      const wayne = await h.gateway.listAccountIds(await customer(otherOrgMember)).catch((e: unknown) => e);
      expect(wayne).toMatchObject({ code: "access_denied" });
      await failure(h.gateway.listAccountIds(await customer(customers.acme)), "org_not_in_use");
    });

    it("lists invitations only for a management account", async () => {
      await failure(h.gateway.listInviteHandshakes(await customer(otherOrgMember)), "access_denied");
      await failure(h.gateway.listInviteHandshakes(await customer(customers.acme)), "org_not_in_use");
      await failure(
        h.gateway.inviteAccount(await customer(customers.acme), { accountId: "900000000301" }),
        "org_not_in_use",
      );
    });

    it("answers not_found for a handshake that does not exist", async () => {
      const error = await failure(h.gateway.describeHandshake(await operator(), "h-doesnotexist0"), "not_found");
      expect(error.awsErrorName).toBe("HandshakeNotFoundException");
    });
  });
}
