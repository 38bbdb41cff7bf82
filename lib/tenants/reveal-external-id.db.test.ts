import { describe, expect, it } from "vitest";
import { testDatabaseKind } from "@/db/testing/test-database";
import { sandboxWorld } from "@/lib/aws/sandbox-world";
import { seededTestDatabase } from "@/db/testing/seeded-test-database";
import { request, signInAs } from "@/lib/auth/testing/test-kit";
import { accountRow, auditCount, lastAudit, tenantRow } from "./testing/db-test-kit";

const { revealExternalId } = await import("./actions");

const database = seededTestDatabase();

const { acme } = sandboxWorld.customers;

describe(`revealing an External ID (${testDatabaseKind()})`, () => {
  it.each(["support", "solutions_architect", "admin"] as const)(
    "%s gets the value; one audit row names the account and never holds the value",
    async (role) => {
      await signInAs(database.db, role);
      const account = (await accountRow(database.db, acme.accountId))!;
      const activity = (await tenantRow(database.db, "PUMP-0042"))!.lastActivityAt;
      const before = await auditCount(database.db);
      const result = await revealExternalId({ awsAccountId: account.id });
      expect(result).toEqual({ ok: true, data: { externalId: acme.externalId } });
      expect(await auditCount(database.db)).toBe(before + 1);
      const audit = await lastAudit(database.db);
      expect(audit).toMatchObject({
        action: "tenants.reveal_external_id",
        outcome: "ok",
        actorRole: role,
        targetType: "aws_account",
        targetId: account.id,
        before: null,
        after: { accountId: acme.accountId, tenant: "PUMP-0042" },
      });
      expect(JSON.stringify(audit)).not.toContain(acme.externalId);
      // Looking is not a change to the tenant.
      expect((await tenantRow(database.db, "PUMP-0042"))!.lastActivityAt).toEqual(activity);
    },
  );

  it("denies an account manager, returns no value and audits the denial against the account", async () => {
    await signInAs(database.db, "account_manager");
    const account = (await accountRow(database.db, acme.accountId))!;
    const before = await auditCount(database.db);
    const result = await revealExternalId({ awsAccountId: account.id });
    expect(result).toEqual({
      ok: false,
      error: "You don't have permission to reveal a customer account's External ID. Ask an admin if you need it.",
    });
    expect(await auditCount(database.db)).toBe(before + 1);
    const audit = await lastAudit(database.db);
    expect(audit).toMatchObject({
      action: "tenants.reveal_external_id",
      outcome: "denied",
      actorRole: "account_manager",
      targetType: "aws_account",
      targetId: account.id,
    });
    expect(JSON.stringify(audit)).not.toContain(acme.externalId);
  });

  it("refuses a request from a foreign origin even for an admin, without the value", async () => {
    await signInAs(database.db, "admin");
    request.headers = new Headers({ origin: "https://evil.example" });
    const account = (await accountRow(database.db, acme.accountId))!;
    const result = await revealExternalId({ awsAccountId: account.id });
    expect(result.ok).toBe(false);
    expect(JSON.stringify(result)).not.toContain(acme.externalId);
  });

  it("says so for an account that does not exist, and audits the failure", async () => {
    await signInAs(database.db, "support");
    const result = await revealExternalId({ awsAccountId: "00000000-0000-4000-8000-000000000000" });
    expect(result).toEqual({ ok: false, error: "That AWS account no longer exists." });
    expect(await lastAudit(database.db)).toMatchObject({ action: "tenants.reveal_external_id", outcome: "failed" });
  });
});
