import { DescribeHandshakeCommand, ListHandshakesForOrganizationCommand } from "@aws-sdk/client-organizations";
import { GetCallerIdentityCommand, RegionDisabledException } from "@aws-sdk/client-sts";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { AwsDomainError } from "./errors";
import { createFakeSts, FAKE_CONSOLE_CREDENTIALS } from "./testing/fake-sts";
import { createFakeOrganizations } from "./testing/fake-organizations";
import { describeAwsGatewayContract } from "./testing/gateway.contract";
import { describeOrganizationsContract } from "./testing/organizations.contract";
import { sandboxWorld } from "./sandbox-world";
import { createOrganizationsClient, createSdkGateway } from "./sdk-gateway";

let now = new Date("2026-03-01T12:00:00.000Z");
const fake = createFakeSts(() => now);
const fakeOrganizations = createFakeOrganizations(() => now, fake.accountOf);
// Each test starts from the fakes' normal behaviour, whatever an earlier test overrode.
beforeEach(() => {
  fake.install();
  fakeOrganizations.install();
});
afterAll(() => {
  fake.mock.restore();
  fakeOrganizations.mock.restore();
});

const gateway = createSdkGateway({ region: "eu-west-1", consoleCredentials: FAKE_CONSOLE_CREDENTIALS });

describeAwsGatewayContract("SDK gateway over a mocked STS", async () => ({
  gateway,
  now: () => now,
  advanceClock: (seconds) => {
    now = new Date(now.getTime() + seconds * 1000);
  },
}));

describeOrganizationsContract("SDK gateway over a mocked Organizations", async () => ({
  gateway,
  now: () => now,
  advanceClock: (seconds) => {
    now = new Date(now.getTime() + seconds * 1000);
  },
}));

describe("SDK gateway specifics", () => {
  const failure = (promise: Promise<unknown>) =>
    promise.then(
      () => {
        throw new Error("expected the call to fail");
      },
      (e: unknown) => {
        expect(e).toBeInstanceOf(AwsDomainError);
        return e as AwsDomainError;
      },
    );

  it("signs calls as an assumed session with that session's credentials, in the configured Region", async () => {
    const seen: { region: string; maxAttempts: number; retryMode: unknown; accessKeyId: string }[] = [];
    fake.mock.on(GetCallerIdentityCommand).callsFake(async (_input, getClient) => {
      const { config } = getClient();
      const credentials = await config.credentials();
      seen.push({
        region: await config.region(),
        maxAttempts: await config.maxAttempts(),
        retryMode: typeof config.retryMode === "function" ? await config.retryMode() : config.retryMode,
        accessKeyId: credentials.accessKeyId,
      });
      return { Account: "1", Arn: "a", UserId: "u" };
    });
    const session = await gateway.assumeRole({
      roleArn: sandboxWorld.pumpOrganizations[0].operatorRoleArn,
      sessionName: "pump-test",
    });
    if (session.kind !== "assumed") throw new Error("expected an assumed session");
    await gateway.getCallerIdentity(session);
    await gateway.getCallerIdentity();
    expect(seen).toEqual([
      { region: "eu-west-1", maxAttempts: 3, retryMode: "standard", accessKeyId: session.credentials.accessKeyId },
      { region: "eu-west-1", maxAttempts: 3, retryMode: "standard", accessKeyId: FAKE_CONSOLE_CREDENTIALS.accessKeyId },
    ]);
  });

  it.each([
    ["a refused connection", Object.assign(new Error("connect ECONNREFUSED 52.94.0.1:443"), { code: "ECONNREFUSED" })],
    ["an SDK timeout", Object.assign(new Error("socket timed out"), { name: "TimeoutError" })],
    [
      "a DNS failure",
      Object.assign(new Error("getaddrinfo ENOTFOUND sts.eu-west-1.amazonaws.com"), { code: "ENOTFOUND" }),
    ],
  ])("maps %s to a retryable network error", async (_case, cause) => {
    fake.mock.on(GetCallerIdentityCommand).rejects(cause);
    const error = await failure(gateway.getCallerIdentity());
    expect(error).toMatchObject({ code: "network", retryable: true, operation: "GetCallerIdentity" });
    expect(error.message).toMatch(/may or may not have received/);
  });

  it("maps the SDK's own modeled exception classes", async () => {
    fake.mock
      .on(GetCallerIdentityCommand)
      .rejects(new RegionDisabledException({ message: "STS is not activated in this region", $metadata: {} }));
    const error = await failure(gateway.getCallerIdentity());
    expect(error).toMatchObject({ code: "region_disabled", awsErrorName: "RegionDisabledException" });
  });

  it("treats an incomplete AWS response as a service error, not as success", async () => {
    fake.mock.on(GetCallerIdentityCommand).resolves({ Account: "111122223333" });
    const error = await failure(gateway.getCallerIdentity());
    expect(error).toMatchObject({ code: "service_error", operation: "GetCallerIdentity" });
  });

  it("reports an unknown access key as invalid_client_token", async () => {
    const forged = {
      kind: "assumed" as const,
      arn: "arn:aws:sts::444455556666:assumed-role/PumpCustomerAccess/x",
      accountId: "444455556666",
      roleArn: sandboxWorld.customers.acme.roleArn,
      credentials: { accessKeyId: "ASIANOTISSUED000000", secretAccessKey: "s", sessionToken: "t" },
      chained: true,
    };
    const error = await failure(gateway.getCallerIdentity(forged));
    expect(error).toMatchObject({ code: "invalid_client_token", httpStatus: 403 });
  });

  it("lists invitations with Filter INVITE, following NextToken through empty pages", async () => {
    const op = await gateway.assumeRole({
      roleArn: sandboxWorld.pumpOrganizations[1].operatorRoleArn,
      sessionName: "pump-t",
    });
    // The paginator reuses one input object, so record each request as it is sent.
    const seen: { Filter: unknown; NextToken: string | undefined }[] = [];
    const next: Record<string, string | undefined> = { start: "a", a: "b", b: undefined };
    fakeOrganizations.mock.on(ListHandshakesForOrganizationCommand).callsFake(async (input) => {
      seen.push({ Filter: structuredClone(input.Filter), NextToken: input.NextToken });
      return { Handshakes: [], NextToken: next[input.NextToken ?? "start"] };
    });
    expect(await gateway.listInviteHandshakes(op)).toEqual([]);
    expect(seen).toEqual([
      { Filter: { ActionType: "INVITE" }, NextToken: undefined },
      { Filter: { ActionType: "INVITE" }, NextToken: "a" },
      { Filter: { ActionType: "INVITE" }, NextToken: "b" },
    ]);
  });

  it("treats a handshake without its ACCOUNT party as a service error", async () => {
    fakeOrganizations.mock.on(DescribeHandshakeCommand).resolves({
      Handshake: { Id: "h-12345678", Arn: "a", State: "OPEN", Parties: [{ Id: "o-x", Type: "ORGANIZATION" }] },
    });
    const error = await failure(gateway.describeHandshake({ kind: "console" }, "h-12345678"));
    expect(error).toMatchObject({ code: "service_error", operation: "DescribeHandshake" });
  });

  it("pins the Organizations client to us-east-1 with standard retries", async () => {
    const client = createOrganizationsClient({ accessKeyId: "ASIAEXAMPLE", secretAccessKey: "s", sessionToken: "t" });
    expect(await client.config.region()).toBe("us-east-1");
    expect(await client.config.maxAttempts()).toBe(3);
    expect((await client.config.credentials()).accessKeyId).toBe("ASIAEXAMPLE");
    client.destroy();
  });
});
