import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { pumpOrganizations, staff } from "@/db/schema";
import { seedDatabase } from "@/db/seed-core";
import { createTestDatabase, testDatabaseKind } from "@/db/testing/test-database";
import { sandboxWorld } from "@/lib/aws/sandbox-world";
import { auditCount, lastAudit } from "@/lib/tenants/testing/db-test-kit";
import { manualInstructions } from "./manual-instructions";
import { getPumpPrincipalArn, revealManualDeploymentData } from "./manual-queries";
import { ROLE_NAMES } from "./policies";

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
  await seedDatabase(handle.db);
}, 120_000);
afterAll(() => handle.close());

const { acme, initech } = sandboxWorld.customers;

describe(`manual deployment data (${testDatabaseKind()})`, () => {
  it("names the default organization's operator role as Pump's principal", async () => {
    expect(await getPumpPrincipalArn(handle.db, "PUMP-0042")).toBe(sandboxWorld.pumpOrganizations[0].operatorRoleArn);
  });

  it("says so when no organization is the default", async () => {
    await handle.db
      .transaction(async (tx) => {
        await tx.update(pumpOrganizations).set({ isDefault: false }).where(eq(pumpOrganizations.isDefault, true));
        expect(await getPumpPrincipalArn(tx, "PUMP-0042")).toBeNull();
        tx.rollback();
      })
      .catch(() => undefined);
    expect(await getPumpPrincipalArn(handle.db, "PUMP-0042")).not.toBeNull();
  });

  it("reveals the account's External ID with exactly one audit row, which never holds the value", async () => {
    const [support] = await handle.db.select({ id: staff.id }).from(staff).where(eq(staff.email, "support@pump.test"));
    const who = { id: support!.id, email: "support@pump.test", role: "support" as const };
    const before = await auditCount(handle.db);
    const data = await revealManualDeploymentData(handle.db, who, "req-manual-1", {
      pumpId: "PUMP-0042",
      accountId: acme.accountId,
    });
    expect(data).toMatchObject({ accountId: acme.accountId, pumpId: "PUMP-0042", externalId: acme.externalId });
    expect(await auditCount(handle.db)).toBe(before + 1);
    const audit = await lastAudit(handle.db);
    expect(audit).toMatchObject({
      action: "onboarding.view_manual_instructions",
      outcome: "ok",
      actorEmail: "support@pump.test",
      targetType: "aws_account",
      targetId: data!.id,
      requestId: "req-manual-1",
      after: { accountId: acme.accountId, tenant: "PUMP-0042" },
    });
    expect(JSON.stringify(audit)).not.toContain(acme.externalId!);
  });

  it("finds nothing, and records nothing, for another tenant's account", async () => {
    const before = await auditCount(handle.db);
    expect(
      await revealManualDeploymentData(handle.db, { system: "test" }, "req-manual-2", {
        pumpId: "PUMP-0042",
        accountId: initech.accountId,
      }),
    ).toBeNull();
    expect(await auditCount(handle.db)).toBe(before);
  });

  it("feeds the generators with values they accept", async () => {
    const data = (await revealManualDeploymentData(handle.db, { system: "test" }, "req-manual-3", {
      pumpId: "PUMP-0042",
      accountId: acme.accountId,
    }))!;
    const instructions = manualInstructions({
      accountId: data.accountId,
      roleType: data.roleType,
      externalId: data.externalId,
      pumpPrincipalArn: (await getPumpPrincipalArn(handle.db, "PUMP-0042"))!,
      roleName: ROLE_NAMES[data.roleType],
    });
    expect(instructions.roleArn).toBe(`arn:aws:iam::${acme.accountId}:role/${ROLE_NAMES[data.roleType]}`);
  });
});
