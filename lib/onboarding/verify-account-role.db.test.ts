import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { auditEvents, awsAccounts, sandboxIamRoles } from "@/db/schema";
import { seedDatabase } from "@/db/seed-core";
import { createTestDatabase, testDatabaseKind } from "@/db/testing/test-database";
import { createSandboxGateway } from "@/lib/aws/sandbox-gateway";
import { recordAudit } from "@/lib/audit/record";
import { verifyAccountRole } from "./verify-account-role";

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
  await seedDatabase(handle.db);
});
afterAll(() => handle.close());

const staff = { email: "support@pump.test" };
const account = async (accountId: string) =>
  (await handle.db.select().from(awsAccounts).where(eq(awsAccounts.accountId, accountId)))[0]!;

async function verify(accountId: string) {
  const gateway = createSandboxGateway(handle.db);
  const deps = {
    db: handle.db,
    gateway,
    staff,
    audit: (tx: typeof handle.db, entry: Omit<Parameters<typeof recordAudit>[3], "action">) =>
      recordAudit(tx, { system: "test" }, "req", { action: "roles.verify", ...entry }),
  };
  return verifyAccountRole(deps, (await account(accountId)).id);
}

describe(`role verification against the sandbox (${testDatabaseKind()})`, () => {
  it("verifies a protected role: with the External ID it works, without it AWS refuses", async () => {
    expect(await verify("444455556666")).toEqual({ state: "verified" });
    expect(await account("444455556666")).toMatchObject({ verificationState: "verified", lastVerificationError: null });
  });

  it("flags a role assumable without the External ID as unprotected, never verified", async () => {
    const result = await verify("777788889999");
    expect(result).toMatchObject({ state: "unprotected" });
    expect(await account("777788889999")).toMatchObject({ verificationState: "unprotected" });
  });

  it("fails with AWS's ambiguous AccessDenied spelled out when the External ID is wrong", async () => {
    await handle.db
      .update(sandboxIamRoles)
      .set({ requiredExternalId: "pump-someone-else-entirely" })
      .where(eq(sandboxIamRoles.accountId, "555566667777"));
    const result = await verify("555566667777");
    expect(result.state).toBe("failed");
    expect(result.state === "failed" && result.error).toMatch(/External ID/);
    const globex = await account("555566667777");
    expect(globex.verificationState).toBe("failed");
    expect(globex.lastVerificationError).toBe(result.state === "failed" ? result.error : "");
  });

  it("moves a role_deployed account to role_verified, and records one audit row per check", async () => {
    const [before] = await handle.db.select().from(auditEvents).where(eq(auditEvents.action, "roles.verify"));
    expect(before).toBeDefined();
    await handle.db
      .update(awsAccounts)
      .set({ onboardingState: "role_deployed" })
      .where(eq(awsAccounts.accountId, "444455556666"));
    const count = async () =>
      (await handle.db.select().from(auditEvents).where(eq(auditEvents.action, "roles.verify"))).length;
    const n = await count();
    await verify("444455556666");
    expect(await count()).toBe(n + 1);
    expect(await account("444455556666")).toMatchObject({ onboardingState: "role_verified" });
  });

  it("refuses an account without a role ARN", async () => {
    await expect(verify("100000000002")).rejects.toThrow("no role ARN");
  });
});
