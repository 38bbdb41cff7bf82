import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { sandboxCredentials, sandboxIamRoles } from "@/db/schema";
import { createTestDatabase, testDatabaseKind } from "@/db/testing/test-database";
import { AwsDomainError } from "./errors";
import { describeAwsGatewayContract, type GatewayContractHarness } from "./testing/gateway.contract";
import { describeOrganizationsContract } from "./testing/organizations.contract";
import { createSandboxGateway } from "./sandbox-gateway";
import { sandboxRoles, sandboxWorld, seedSandboxWorld } from "./sandbox-world";

const start = new Date("2026-03-01T12:00:00.000Z");

async function sandboxHarness(): Promise<GatewayContractHarness> {
  const handle = await createTestDatabase();
  await seedSandboxWorld(handle.db);
  let now = start;
  return {
    gateway: createSandboxGateway(handle.db, { now: () => now }),
    now: () => now,
    advanceClock: (seconds) => {
      now = new Date(now.getTime() + seconds * 1000);
    },
    close: () => handle.close(),
  };
}

describeAwsGatewayContract(`sandbox on ${testDatabaseKind()}`, sandboxHarness);
describeOrganizationsContract(`sandbox on ${testDatabaseKind()}`, sandboxHarness);

describe(`sandbox gateway specifics (${testDatabaseKind()})`, () => {
  let handle: DatabaseHandle;
  let now = start;
  const gateway = () => createSandboxGateway(handle.db, { now: () => now });
  const sessionName = "pump-admin@pump.test";
  const [main] = sandboxWorld.pumpOrganizations;

  beforeAll(async () => {
    handle = await createTestDatabase();
    await seedSandboxWorld(handle.db);
  });
  afterAll(() => handle.close());

  it("seeds the world idempotently and keeps roles changed since", async () => {
    const { acme } = sandboxWorld.customers;
    await handle.db
      .update(sandboxIamRoles)
      .set({ requiredExternalId: "pump-rotated-by-a-test" })
      .where(eq(sandboxIamRoles.arn, acme.roleArn));
    await seedSandboxWorld(handle.db);
    const [{ roles } = { roles: 0 }] = await handle.db.select({ roles: count() }).from(sandboxIamRoles);
    expect(roles).toBe(sandboxRoles.length);
    const [row] = await handle.db.select().from(sandboxIamRoles).where(eq(sandboxIamRoles.arn, acme.roleArn));
    expect(row?.requiredExternalId).toBe("pump-rotated-by-a-test");
    await handle.db
      .update(sandboxIamRoles)
      .set({ requiredExternalId: acme.externalId })
      .where(eq(sandboxIamRoles.arn, acme.roleArn));
  });

  it("stores issued credentials with their expiry, and survives a new gateway instance (restart)", async () => {
    const session = await gateway().assumeRole({ roleArn: main.operatorRoleArn, sessionName, durationSeconds: 5400 });
    if (session.kind !== "assumed") throw new Error("expected an assumed session");
    const [row] = await handle.db
      .select()
      .from(sandboxCredentials)
      .where(eq(sandboxCredentials.accessKeyId, session.credentials.accessKeyId));
    expect(row).toMatchObject({
      accountId: main.managementAccountId,
      roleArn: main.operatorRoleArn,
      isChained: false,
      arn: `arn:aws:sts::${main.managementAccountId}:assumed-role/PumpConsoleOperator/${sessionName}`,
    });
    expect(row?.expiresAt.getTime()).toBe(start.getTime() + 5400 * 1000);
    expect((await gateway().getCallerIdentity(session)).arn).toBe(row?.arn);
  });

  it("derives identity from the credentials, not from what the session object claims", async () => {
    const session = await gateway().assumeRole({ roleArn: main.operatorRoleArn, sessionName });
    if (session.kind !== "assumed") throw new Error("expected an assumed session");
    const forged = { ...session, arn: "arn:aws:sts::999999999999:assumed-role/Admin/x", accountId: "999999999999" };
    expect((await gateway().getCallerIdentity(forged)).account).toBe(main.managementAccountId);
  });

  it("answers expired_token for credentials it never issued or with a wrong secret", async () => {
    const session = await gateway().assumeRole({ roleArn: main.operatorRoleArn, sessionName });
    if (session.kind !== "assumed") throw new Error("expected an assumed session");
    const wrongSecret = { ...session, credentials: { ...session.credentials, secretAccessKey: "not-the-secret" } };
    const unknown = { ...session, credentials: { ...session.credentials, accessKeyId: "ASIAAAAAAAAAAAAAAAAA" } };
    for (const s of [wrongSecret, unknown]) {
      await expect(gateway().getCallerIdentity(s)).rejects.toMatchObject({ code: "expired_token" });
    }
  });

  it("refuses a duration above the role's MaxSessionDuration", async () => {
    const roleArn = "arn:aws:iam::222233334444:role/ShortSessions";
    await handle.db.insert(sandboxIamRoles).values({
      arn: roleArn,
      accountId: "222233334444",
      trustedAccountId: sandboxWorld.console.accountId,
      maxSessionDuration: 3600,
    });
    const error = await gateway()
      .assumeRole({ roleArn, sessionName, durationSeconds: 7200 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AwsDomainError);
    expect(error).toMatchObject({ code: "invalid_input", awsErrorName: "ValidationError" });
    expect((error as Error).message).toContain("MaxSessionDuration");
    await expect(gateway().assumeRole({ roleArn, sessionName, durationSeconds: 3600 })).resolves.toMatchObject({
      kind: "assumed",
    });
  });

  it("prunes credentials that expired more than a day ago", async () => {
    const before = await handle.db.select({ n: count() }).from(sandboxCredentials);
    expect(before[0]?.n).toBeGreaterThan(0);
    now = new Date(start.getTime() + 3 * 24 * 3600 * 1000);
    await gateway().assumeRole({ roleArn: main.operatorRoleArn, sessionName });
    const rows = await handle.db.select({ expiresAt: sandboxCredentials.expiresAt }).from(sandboxCredentials);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.expiresAt.getTime()).toBeGreaterThan(now.getTime());
  });
});
