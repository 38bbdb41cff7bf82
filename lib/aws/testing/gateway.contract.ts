import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AwsDomainError, type AwsErrorCode } from "../errors";
import type { AwsGateway, AwsSession } from "../gateway";
import { sandboxWorld } from "../sandbox-world";

/**
 * What every AwsGateway must do, registered against any implementation: the SDK gateway over a mocked STS
 * (sdk-gateway.test.ts) and the sandbox on a real database (sandbox-gateway.db.test.ts). Both must give the same
 * results and the same error codes for the same situation.
 */
export type GatewayContractHarness = {
  gateway: AwsGateway;
  /** The clock the gateway's AWS (real-ish or sandbox) judges expiry by. */
  now(): Date;
  advanceClock(seconds: number): void;
  close?(): Promise<void>;
};

const { console: consolePrincipal, customers } = sandboxWorld;
const [main, europe] = sandboxWorld.pumpOrganizations;
const sessionName = "pump-support@pump.test";

function assumed(session: AwsSession) {
  if (session.kind !== "assumed") throw new Error("expected an assumed-role session");
  return session;
}

async function failure(promise: Promise<unknown>, code: AwsErrorCode): Promise<AwsDomainError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AwsDomainError);
  expect(error).toMatchObject({ code });
  return error as AwsDomainError;
}

export function describeAwsGatewayContract(label: string, setup: () => Promise<GatewayContractHarness>) {
  describe(`AwsGateway contract (${label})`, () => {
    let h: GatewayContractHarness;
    beforeAll(async () => {
      h = await setup();
    });
    afterAll(() => h.close?.());

    const operator = (durationSeconds?: number, org: { operatorRoleArn: string } = main) =>
      h.gateway.assumeRole({ roleArn: org.operatorRoleArn, sessionName, durationSeconds });
    const customer = async (
      role: { roleArn: string },
      externalId: string | undefined,
      org: { operatorRoleArn: string } = main,
    ) => h.gateway.assumeRole({ roleArn: role.roleArn, sessionName, externalId, as: await operator(undefined, org) });

    it("reports the console's own identity", async () => {
      const expected = {
        account: consolePrincipal.accountId,
        arn: consolePrincipal.arn,
        userId: consolePrincipal.userId,
      };
      expect(await h.gateway.getCallerIdentity()).toEqual(expected);
      expect(await h.gateway.getCallerIdentity({ kind: "console" })).toEqual(expected);
    });

    it("assumes the operator role, then the customer role with its External ID", async () => {
      const op = assumed(await operator());
      expect(op).toMatchObject({ accountId: main.managementAccountId, roleArn: main.operatorRoleArn, chained: false });
      expect(op.arn).toBe(`arn:aws:sts::${main.managementAccountId}:assumed-role/PumpConsoleOperator/${sessionName}`);

      const acme = customers.acme;
      const session = assumed(
        await h.gateway.assumeRole({ roleArn: acme.roleArn, sessionName, externalId: acme.externalId, as: op }),
      );
      expect(session).toMatchObject({ accountId: acme.accountId, roleArn: acme.roleArn, chained: true });
      expect(session.credentials.accessKeyId).toMatch(/^ASIA[A-Z0-9]{16}$/);
      expect(session.credentials.expiration?.getTime()).toBe(h.now().getTime() + 3600 * 1000);

      const identity = await h.gateway.getCallerIdentity(session);
      expect(identity.account).toBe(acme.accountId);
      expect(identity.arn).toBe(`arn:aws:sts::${acme.accountId}:assumed-role/PumpCustomerAccess/${sessionName}`);
      expect(identity.userId).toMatch(new RegExp(`^AROA[A-Z0-9]{17}:${sessionName.replace(/[.+]/g, "\\$&")}$`));
    });

    it.each([
      ["a wrong External ID", () => customer(customers.acme, customers.globex.externalId)],
      ["no External ID on a protected role", () => customer(customers.acme, undefined)],
      [
        "a role that does not exist",
        () => customer({ roleArn: "arn:aws:iam::444455556666:role/PumpCustmerAccess" }, "x1"),
      ],
      ["a role trusting another Pump organization", () => customer(customers.initech, customers.initech.externalId)],
      [
        "a customer role assumed by the console directly (no operator hop)",
        () =>
          h.gateway.assumeRole({ roleArn: customers.acme.roleArn, sessionName, externalId: customers.acme.externalId }),
      ],
    ])("denies %s with access_denied", async (_case, attempt) => {
      const error = await failure(attempt(), "access_denied");
      expect(error).toMatchObject({ awsErrorName: "AccessDenied", httpStatus: 403, retryable: false });
      expect(error.message).toMatch(/does not exist/);
      expect(error.message).toMatch(/External ID/);
      expect(error.message).toMatch(/trust policy does not name Pump's principal/);
    });

    it("gives one identical error for a wrong and a missing External ID (AWS does not tell them apart)", async () => {
      const wrong = await failure(customer(customers.acme, customers.globex.externalId), "access_denied");
      const missing = await failure(customer(customers.acme, undefined), "access_denied");
      expect(missing.message).toBe(wrong.message);
      expect(wrong.message).not.toContain(customers.globex.externalId);
    });

    it("assumes a role that trusts the other Pump organization through that organization's operator", async () => {
      const session = assumed(await customer(customers.initech, customers.initech.externalId, europe));
      expect((await h.gateway.getCallerIdentity(session)).account).toBe(customers.initech.accountId);
    });

    it("assumes the unprotected role with or without an External ID, as AWS does", async () => {
      const without = assumed(await customer(customers.umbrella, undefined));
      expect((await h.gateway.getCallerIdentity(without)).account).toBe(customers.umbrella.accountId);
      const withAny = assumed(await customer(customers.umbrella, "any-value-at-all"));
      expect(withAny.accountId).toBe(customers.umbrella.accountId);
    });

    it("caps chained sessions at one hour, but not the console's own hop", async () => {
      const op = assumed(await operator(7200));
      expect(op.credentials.expiration?.getTime()).toBe(h.now().getTime() + 7200 * 1000);
      const { acme } = customers;
      const error = await failure(
        h.gateway.assumeRole({
          roleArn: acme.roleArn,
          sessionName,
          externalId: acme.externalId,
          durationSeconds: 7200,
          as: op,
        }),
        "invalid_input",
      );
      expect(error.message).toContain("1 hour session limit for roles assumed by role chaining");
    });

    it.each(["x", "has space", "slash/inside", "a".repeat(65)])("refuses RoleSessionName %j", async (bad) => {
      const error = await failure(
        h.gateway.assumeRole({ roleArn: main.operatorRoleArn, sessionName: bad }),
        "invalid_input",
      );
      expect(error).toMatchObject({ awsErrorName: "ValidationError", httpStatus: 400 });
      expect(error.message).toContain("roleSessionName");
    });

    it.each([899, 43201])("refuses DurationSeconds %i", async (durationSeconds) => {
      await failure(operator(durationSeconds), "invalid_input");
    });

    it("refuses a malformed External ID without echoing it", async () => {
      const bad = "secret value with spaces";
      const op = await operator();
      const error = await failure(
        h.gateway.assumeRole({ roleArn: customers.acme.roleArn, sessionName, externalId: bad, as: op }),
        "invalid_input",
      );
      expect(error.message).toContain("externalId");
      expect(error.message).not.toContain(bad);
      expect(String((error.cause as Error | undefined)?.message ?? "")).not.toContain(bad);
    });

    it("reports expired_token once a session's credentials have expired", async () => {
      const op = await operator();
      h.advanceClock(3599);
      expect((await h.gateway.getCallerIdentity(op)).account).toBe(main.managementAccountId);
      h.advanceClock(1);
      const error = await failure(h.gateway.getCallerIdentity(op), "expired_token");
      expect(error.message).toMatch(/expired/);
      const { acme } = customers;
      await failure(
        h.gateway.assumeRole({ roleArn: acme.roleArn, sessionName, externalId: acme.externalId, as: op }),
        "expired_token",
      );
    });
  });
}
