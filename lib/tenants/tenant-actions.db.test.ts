import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { pumpOrganizations, staff, tenants } from "@/db/schema";
import { testDatabaseKind } from "@/db/testing/test-database";
import { seededTestDatabase } from "@/db/testing/seeded-test-database";
import { runAs, signInAs } from "@/lib/auth/testing/test-kit";
import { auditCount, contactsOf, lastAudit, tenantRow } from "./testing/db-test-kit";

const { createTenant, updateTenant } = await import("./actions");

const database = seededTestDatabase();

const staffId = async (email: string) =>
  (await database.db.select({ id: staff.id }).from(staff).where(eq(staff.email, email)))[0]!.id;
const newTenant = (extra: Record<string, unknown> = {}) => ({
  pumpId: "pump-0100",
  name: "Initrode",
  notes: "Found through a referral.",
  accountManagerId: "",
  contacts: [{ name: "Peter Gibbons", email: "peter@initrode.example" }],
  ...extra,
});

describe(`tenant create and edit (${testDatabaseKind()})`, () => {
  it("creates a tenant with its contacts and exactly one audit row", async () => {
    await signInAs(database.db, "support");
    const am = await staffId("am@pump.test");
    const before = await auditCount(database.db);
    const result = await createTenant(newTenant({ accountManagerId: am }));
    expect(result).toMatchObject({ ok: true, data: { pumpId: "PUMP-0100" } });
    const row = (await tenantRow(database.db, "PUMP-0100"))!;
    expect(row).toMatchObject({ name: "Initrode", accountManagerId: am, accountsCount: 0 });
    expect(await contactsOf(database.db, row.id)).toEqual([{ name: "Peter Gibbons", email: "peter@initrode.example" }]);
    expect(await auditCount(database.db)).toBe(before + 1);
    expect(await lastAudit(database.db)).toMatchObject({
      action: "tenants.create",
      outcome: "ok",
      actorEmail: "support@pump.test",
      targetType: "tenant",
      targetId: row.id,
      after: { pumpId: "PUMP-0100", name: "Initrode", contacts: ["Peter Gibbons <peter@initrode.example>"] },
    });
  });

  it("keeps the tenant's inviting organization: set, unchanged when absent, refused when unknown", async () => {
    await signInAs(database.db, "support");
    const [europe] = await database.db
      .select()
      .from(pumpOrganizations)
      .where(eq(pumpOrganizations.name, "Pump Europe"));
    const created = await createTenant(newTenant({ pumpId: "PUMP-0150", defaultPumpOrganizationId: europe!.id }));
    expect(created.ok).toBe(true);
    const defaultOf = async () =>
      (
        await database.db
          .select({ org: tenants.defaultPumpOrganizationId })
          .from(tenants)
          .where(eq(tenants.pumpId, "PUMP-0150"))
      )[0]!.org;
    expect(await defaultOf()).toBe(europe!.id);
    const tenantId = created.ok ? created.data.id : "";
    expect((await updateTenant({ ...newTenant({ pumpId: "PUMP-0150" }), tenantId })).ok).toBe(true);
    expect(await defaultOf()).toBe(europe!.id);
    const unknown = await updateTenant({
      ...newTenant({ pumpId: "PUMP-0150" }),
      tenantId,
      defaultPumpOrganizationId: "00000000-0000-4000-8000-000000000000",
    });
    expect(unknown).toMatchObject({ ok: false, fieldErrors: { defaultPumpOrganizationId: [expect.any(String)] } });
    expect(
      (await updateTenant({ ...newTenant({ pumpId: "PUMP-0150" }), tenantId, defaultPumpOrganizationId: "" })).ok,
    ).toBe(true);
    expect(await defaultOf()).toBeNull();
  });

  it("accepts the form's FormData, with repeated contact fields", async () => {
    await signInAs(database.db, "account_manager");
    const form = new FormData();
    for (const [k, v] of Object.entries({ pumpId: "PUMP-0101", name: "Vandelay", notes: "", accountManagerId: "" }))
      form.set(k, v);
    form.append("contactName", "Art Vandelay");
    form.append("contactEmail", "art@vandelay.example");
    form.append("contactName", "H. E. Pennypacker");
    form.append("contactEmail", "hep@vandelay.example");
    expect((await createTenant(null, form)).ok).toBe(true);
    const row = (await tenantRow(database.db, "PUMP-0101"))!;
    expect(await contactsOf(database.db, row.id)).toHaveLength(2);
  });

  it("returns every field error at once and writes nothing", async () => {
    await signInAs(database.db, "support");
    const before = await auditCount(database.db);
    const result = await createTenant({
      pumpId: "PUMP-12",
      name: " ",
      contacts: [{ name: "X", email: "not-an-email" }],
    });
    expect(result).toEqual({
      ok: false,
      error: "Check the highlighted fields.",
      fieldErrors: {
        pumpId: ["Enter a Pump ID like PUMP-0042: PUMP- and at least 4 digits."],
        name: ["Enter the company name."],
        contacts: ["Contact 1: enter a valid email address."],
      },
    });
    expect(await tenantRow(database.db, "PUMP-12")).toBeUndefined();
    expect(await auditCount(database.db)).toBe(before);
  });

  it("refuses a Pump ID that is taken, naming its tenant, and audits the failure", async () => {
    await signInAs(database.db, "support");
    const result = await createTenant(newTenant({ pumpId: "pump-0042", name: "Acme Again" }));
    expect(result).toMatchObject({
      ok: false,
      fieldErrors: { pumpId: ["Pump ID PUMP-0042 already belongs to Acme Corp (PUMP-0042)."] },
    });
    expect((await tenantRow(database.db, "PUMP-0042"))!.name).toBe("Acme Corp");
    expect(await lastAudit(database.db)).toMatchObject({ action: "tenants.create", outcome: "failed" });
  });

  it("accepts only enabled account managers and admins as the account manager", async () => {
    await signInAs(database.db, "support");
    for (const email of ["support@pump.test", "disabled@pump.test"]) {
      const result = await createTenant(newTenant({ pumpId: "PUMP-0102", accountManagerId: await staffId(email) }));
      expect(result).toMatchObject({
        ok: false,
        fieldErrors: { accountManagerId: ["Pick an enabled account manager or admin."] },
      });
    }
    expect(await tenantRow(database.db, "PUMP-0102")).toBeUndefined();
  });

  it("edits a tenant: details and contacts replaced, activity bumped, one audit row with before and after", async () => {
    await signInAs(database.db, "account_manager");
    const tenant = (await tenantRow(database.db, "PUMP-0044"))!;
    const before = await auditCount(database.db);
    const result = await updateTenant({
      tenantId: tenant.id,
      pumpId: "PUMP-0044",
      name: "Initech LLC",
      notes: "Renamed.",
      accountManagerId: await staffId("admin@pump.test"),
      contacts: [
        { name: "Bill Lumbergh", email: "bill@initech.example" },
        { name: "Milton", email: "milton@initech.example" },
      ],
      externalId: "ignored",
    });
    expect(result.ok).toBe(true);
    const after = (await tenantRow(database.db, "PUMP-0044"))!;
    expect(after).toMatchObject({ name: "Initech LLC", notes: "Renamed.", accountsCount: 1 });
    expect(after.lastActivityAt.getTime()).toBeGreaterThan(tenant.lastActivityAt.getTime());
    expect(await contactsOf(database.db, tenant.id)).toHaveLength(2);
    expect(await auditCount(database.db)).toBe(before + 1);
    expect(await lastAudit(database.db)).toMatchObject({
      action: "tenants.update",
      targetType: "tenant",
      targetId: tenant.id,
      before: { name: "Initech", contacts: ["Bill Lumbergh <bill@initech.example>"] },
      after: { name: "Initech LLC" },
    });
  });

  it("refuses to rename a Pump ID to one that is taken", async () => {
    await signInAs(database.db, "support");
    const tenant = (await tenantRow(database.db, "PUMP-0046"))!;
    const result = await updateTenant({ ...newTenant(), tenantId: tenant.id, pumpId: "PUMP-0043", name: "Hooli" });
    expect(result).toMatchObject({
      ok: false,
      fieldErrors: { pumpId: ["Pump ID PUMP-0043 already belongs to Globex Corporation (PUMP-0043)."] },
    });
    expect((await tenantRow(database.db, "PUMP-0046"))!.name).toBe("Hooli");
  });

  it("denies a solutions architect, changes nothing and audits the denial against the tenant", async () => {
    await signInAs(database.db, "solutions_architect");
    const tenant = (await tenantRow(database.db, "PUMP-0045"))!;
    const result = await updateTenant({ ...newTenant(), tenantId: tenant.id, pumpId: "PUMP-0045", name: "Hacked" });
    expect(result).toEqual({
      ok: false,
      error:
        "You don't have permission to create and edit tenants and their AWS accounts. Ask an admin if you need it.",
    });
    expect((await tenantRow(database.db, "PUMP-0045"))!.name).toBe("Umbrella Corporation");
    expect(await lastAudit(database.db)).toMatchObject({
      action: "tenants.update",
      outcome: "denied",
      targetType: "tenant",
      targetId: tenant.id,
    });
  });

  it("gives one of two concurrent creates of the same Pump ID the duplicate message", async () => {
    const first = await signInAs(database.db, "support");
    const second = await signInAs(database.db, "account_manager");
    const results = await Promise.all([
      runAs(first, () => createTenant(newTenant({ pumpId: "PUMP-0200", name: "First" }))),
      runAs(second, () => createTenant(newTenant({ pumpId: "PUMP-0200", name: "Second" }))),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const winner = (await tenantRow(database.db, "PUMP-0200"))!.name;
    expect(results.find((r) => !r.ok)).toMatchObject({
      fieldErrors: { pumpId: [`Pump ID PUMP-0200 already belongs to ${winner} (PUMP-0200).`] },
    });
  });
});
