import { describe, expect, it } from "vitest";
import { tenants } from "@/db/schema";
import { testDatabaseKind } from "@/db/testing/test-database";
import { seededTestDatabase } from "@/db/testing/seeded-test-database";
import { request, signInAs } from "@/lib/auth/testing/test-kit";
import { accountRow, allExternalIds, tenantRow } from "./testing/db-test-kit";
import { getAccountForEdit, getTenantHeader, getTenantPageData, listManagerOptions } from "./tenant-queries";

const { addAwsAccount, revealExternalId, updateAwsAccount, updateTenant } = await import("./actions");

const database = seededTestDatabase();

const pageData = async (pumpId: string) => (await getTenantPageData(database.db, pumpId))!;

describe(`tenant page data (${testDatabaseKind()})`, () => {
  it("shows the tenant, its accounts, membership, invites and exceptions", async () => {
    const acme = await pageData("PUMP-0042");
    expect(acme.tenant).toMatchObject({
      pumpId: "PUMP-0042",
      name: "Acme Corp",
      notes: "Two accounts; the payer joined in the first week.",
      accountManager: { name: "Alex Account Manager", email: "am@pump.test" },
      contacts: [{ name: "Wile E. Coyote", email: "wile@acme.example" }],
    });
    // Oldest first; the seed adds both in one transaction, so the account ID breaks the tie.
    expect(acme.accounts.map((a) => a.accountId)).toEqual(["100000000001", "444455556666"]);
    expect(acme.accounts[1]).toMatchObject({
      membership: "pump_member",
      pumpOrganizationName: "Pump Main",
      externalIdMasked: "pump-••••••••",
      invites: [{ handshakeId: "h-acme0000joined1", state: "ACCEPTED" }],
    });
    const wayne = await pageData("PUMP-0048");
    expect(wayne.accounts[0]).toMatchObject({ otherOrgId: "o-wayne000001", exceptions: [{ state: "open" }] });
    expect(await getTenantPageData(database.db, "PUMP-9999")).toBeNull();
  });

  it("never carries an External ID value, for any tenant, even after reveals and edits", async () => {
    await signInAs(database.db, "admin");
    const acmeAccount = (await accountRow(database.db, "444455556666"))!;
    expect((await revealExternalId({ awsAccountId: acmeAccount.id })).ok).toBe(true);
    const tenantId = (await tenantRow(database.db, "PUMP-0042"))!.id;
    await addAwsAccount({ tenantId, accountId: "500000000001", name: "acme-new", roleType: "read_only" });
    const secrets = await allExternalIds(database.db);
    expect(secrets.length).toBeGreaterThan(10);
    const pumpIds = (await database.db.select({ pumpId: tenants.pumpId }).from(tenants)).map((t) => t.pumpId);
    for (const pumpId of pumpIds) {
      const data = await pageData(pumpId);
      // Everything the pages hand to client components, serialized the way React would.
      const serialized = JSON.stringify([
        data,
        await getTenantHeader(database.db, pumpId),
        ...(await Promise.all(data.accounts.map((a) => getAccountForEdit(database.db, data.tenant.id, a.accountId)))),
        await listManagerOptions(database.db),
      ]);
      for (const secret of secrets) expect(serialized, pumpId).not.toContain(secret);
      expect(serialized).not.toMatch(/externalId"\s*:/);
    }
  });

  it("tells the tenant's story newest first, and keeps refusals in the audit trail", async () => {
    const admin = await signInAs(database.db, "admin");
    const tenantId = (await tenantRow(database.db, "PUMP-0049"))!.id;
    await addAwsAccount({ tenantId, accountId: "5000-0000-0002", name: "soylent-new", roleType: "read_only" });
    const added = (await accountRow(database.db, "500000000002"))!;
    await updateAwsAccount({
      awsAccountId: added.id,
      name: "soylent-new",
      roleType: "read_only",
      roleArn: "arn:aws:iam::500000000002:role/PumpCustomerAccess",
      deploymentMethod: "manual",
    });
    await signInAs(database.db, "solutions_architect");
    await updateTenant({
      tenantId,
      pumpId: "PUMP-0049",
      name: "Nope",
      contacts: [{ name: "A", email: "a@b.example" }],
    });
    request.actor = admin;

    const data = await pageData("PUMP-0049");
    expect(data.timeline.map((e) => e.sentence)).toEqual([
      "Ada Admin changed the role ARN of account 5000-0000-0002; the role must be verified again",
      "Ada Admin added account 5000-0000-0002",
      "System (seed) created the tenant",
    ]);
    expect(data.auditTrail.map((r) => [r.action, r.outcome, r.actorEmail])).toEqual([
      ["tenants.update", "denied", "sa@pump.test"],
      ["tenants.create", "ok", "system:seed"],
    ]);
    expect(data.auditTrail[0]!.reason).toBe("role solutions_architect lacks tenants.write");
    expect(data.tenant.accountsCount).toBe(2);
  });

  it("offers only enabled account managers and admins as managers", async () => {
    expect((await listManagerOptions(database.db)).map((m) => m.email).sort()).toEqual([
      "admin@pump.test",
      "am@pump.test",
    ]);
  });
});
