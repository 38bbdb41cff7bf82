import { count, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { auditEvents, staff } from "@/db/schema";
import { createTestDatabase, testDatabaseKind } from "@/db/testing/test-database";
import { resolveStaffSession } from "@/lib/auth/sessions";
import { request, runAs, sameOrigin, seedTestStaff, signInAs, setTestDatabase } from "@/lib/auth/testing/test-kit";

const { addStaff, changeStaffRole, setStaffDisabled } = await import("./actions");

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
  setTestDatabase(handle);
  await seedTestStaff(handle.db);
});
afterAll(() => handle.close());

async function auditCount() {
  const [row] = await handle.db.select({ n: count() }).from(auditEvents);
  return row!.n;
}
async function lastAudit() {
  const [row] = await handle.db
    .select()
    .from(auditEvents)
    .orderBy(sql`${auditEvents.id} desc`)
    .limit(1);
  return row!;
}
async function staffRow(email: string) {
  const [row] = await handle.db.select().from(staff).where(eq(staff.email, email));
  return row;
}

beforeEach(() => {
  request.actor = null;
  sameOrigin();
});

describe(`staff actions through the authorized-action wrapper (${testDatabaseKind()})`, () => {
  it("adds a staff member and writes exactly one audit row in the same change", async () => {
    await signInAs(handle.db, "admin");
    const before = await auditCount();
    const result = await addStaff({ email: " New.Person@Pump.test ", name: "New Person", role: "support" });
    expect(result.ok).toBe(true);
    expect(await staffRow("new.person@pump.test")).toMatchObject({ role: "support", disabledAt: null });
    expect(await auditCount()).toBe(before + 1);
    expect(await lastAudit()).toMatchObject({
      action: "staff.add",
      outcome: "ok",
      actorEmail: "admin@pump.test",
      targetType: "staff",
      after: { email: "new.person@pump.test", role: "support", disabled: false },
    });
  });

  it("accepts FormData as sent by a form with useActionState", async () => {
    await signInAs(handle.db, "admin");
    const form = new FormData();
    form.set("email", "form@pump.test");
    form.set("name", "From A Form");
    form.set("role", "account_manager");
    form.set("$ACTION_ID_abc", "");
    expect((await addStaff(null, form)).ok).toBe(true);
    expect(await staffRow("form@pump.test")).toMatchObject({ role: "account_manager" });
  });

  it("returns every field error for bad input and writes nothing", async () => {
    await signInAs(handle.db, "admin");
    const before = await auditCount();
    const result = await addStaff({ email: "not-an-email", name: "", role: "root" });
    expect(result).toMatchObject({
      ok: false,
      fieldErrors: { email: expect.any(Array), name: expect.any(Array), role: expect.any(Array) },
    });
    expect(await auditCount()).toBe(before);
  });

  it("refuses a duplicate email with a field error, and audits the failure", async () => {
    await signInAs(handle.db, "admin");
    const result = await addStaff({ email: "SUPPORT@pump.test", name: "Dup", role: "support" });
    expect(result).toMatchObject({
      ok: false,
      fieldErrors: { email: ["A staff member with this email already exists."] },
    });
    expect(await lastAudit()).toMatchObject({ action: "staff.add", outcome: "failed" });
  });

  it.each(["support", "account_manager", "solutions_architect"] as const)(
    "denies %s, changes nothing and audits the denial",
    async (role) => {
      await signInAs(handle.db, role);
      const target = (await staffRow("support2@pump.test"))!;
      const before = await auditCount();
      const result = await changeStaffRole({ staffId: target.id, role: "admin" });
      expect(result).toEqual({
        ok: false,
        error:
          "You don't have permission to add staff, change roles and disable accounts. Ask an admin if you need it.",
      });
      expect((await staffRow("support2@pump.test"))!.role).toBe("support");
      expect(await auditCount()).toBe(before + 1);
      expect(await lastAudit()).toMatchObject({
        action: "staff.change_role",
        outcome: "denied",
        actorRole: role,
        targetId: target.id,
      });
    },
  );

  it.each([
    ["a foreign origin", { origin: "https://evil.example" }],
    ["Origin: null", { origin: "null" }],
    ["no Origin", {}],
    ["cross-site fetch metadata", { origin: "http://localhost:3000", "sec-fetch-site": "cross-site" }],
  ])("changes nothing for a request with %s, even from an admin", async (_, headers) => {
    await signInAs(handle.db, "admin");
    request.headers = new Headers(headers);
    const target = (await staffRow("support2@pump.test"))!;
    const result = await setStaffDisabled({ staffId: target.id, disabled: "true" });
    expect(result).toMatchObject({
      ok: false,
      error: "This request did not come from the console, so nothing was changed.",
    });
    expect((await staffRow("support2@pump.test"))!.disabledAt).toBeNull();
    expect(await lastAudit()).toMatchObject({ action: "staff.set_disabled", outcome: "denied" });
  });

  it("refuses without a session", async () => {
    const result = await addStaff({ email: "ghost@pump.test", name: "Ghost", role: "admin" });
    expect(result).toEqual({ ok: false, error: "Your session has ended. Sign in again." });
    expect(await staffRow("ghost@pump.test")).toBeUndefined();
    expect(await lastAudit()).toMatchObject({ action: "staff.add", outcome: "denied", actorEmail: null });
  });

  it("changes a role, effective on the member's next request", async () => {
    const member = await signInAs(handle.db, "am@pump.test");
    await signInAs(handle.db, "admin");
    expect((await changeStaffRole({ staffId: member.id, role: "solutions_architect" })).ok).toBe(true);
    expect(await resolveStaffSession(handle.db, member.sessionId)).toMatchObject({
      ok: true,
      principal: { role: "solutions_architect" },
    });
    expect(await lastAudit()).toMatchObject({
      before: { role: "account_manager" },
      after: { role: "solutions_architect" },
    });
  });

  it("disables a member: their open session stops working at once; enabling lets them sign in again", async () => {
    const member = await signInAs(handle.db, "support2@pump.test");
    await signInAs(handle.db, "admin");
    expect((await setStaffDisabled({ staffId: member.id, disabled: "true" })).ok).toBe(true);
    expect((await resolveStaffSession(handle.db, member.sessionId)).ok).toBe(false);
    expect((await setStaffDisabled({ staffId: member.id, disabled: "false" })).ok).toBe(true);
    expect((await staffRow("support2@pump.test"))!.disabledAt).toBeNull();
  });

  it("stops admins locking themselves out", async () => {
    const admin = await signInAs(handle.db, "admin");
    expect(await changeStaffRole({ staffId: admin.id, role: "support" })).toMatchObject({
      ok: false,
      error: "You can't change your own role. Ask another admin.",
    });
    expect(await setStaffDisabled({ staffId: admin.id, disabled: "true" })).toMatchObject({
      ok: false,
      error: "You can't disable your own account.",
    });
  });

  it("keeps one admin when two admins demote each other at the same moment", async () => {
    const first = await signInAs(handle.db, "admin");
    const secondRow = (await staffRow("sa@pump.test"))!;
    expect((await changeStaffRole({ staffId: secondRow.id, role: "admin" })).ok).toBe(true);
    const second = await signInAs(handle.db, "sa@pump.test");
    // Both passed the permission check as admins; the row locks decide who wins.
    const results = await Promise.all([
      runAs(first, () => changeStaffRole({ staffId: second.id, role: "support" })),
      runAs(second, () => changeStaffRole({ staffId: first.id, role: "support" })),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({
      error: "This is the last admin. Make someone else an admin first.",
    });
    const admins = await handle.db.select().from(staff).where(eq(staff.role, "admin"));
    expect(admins).toHaveLength(1);
  });
});
