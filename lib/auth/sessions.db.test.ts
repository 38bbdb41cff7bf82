import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { staff } from "@/db/schema";
import { seedStaff } from "@/db/seed-data";
import { createTestDatabase, testDatabaseKind } from "@/db/testing/test-database";
import {
  ABSOLUTE_TIMEOUT_MS,
  endStaffSession,
  findStaffForSignIn,
  IDLE_TIMEOUT_MS,
  resolveStaffSession,
  startStaffSession,
} from "./sessions";

let handle: DatabaseHandle;
let supportId: string;

beforeAll(async () => {
  handle = await createTestDatabase();
  await handle.db.insert(staff).values(seedStaff);
  supportId = (await findStaffForSignIn(handle.db, "SUPPORT@pump.test"))!.id;
});
afterAll(() => handle.close());

const minutes = (n: number) => n * 60 * 1000;

describe(`staff sessions (${testDatabaseKind()})`, () => {
  it("resolves a fresh session to the staff member with the role from the database", async () => {
    const sid = await startStaffSession(handle.db, supportId);
    const result = await resolveStaffSession(handle.db, sid);
    expect(result).toMatchObject({
      ok: true,
      principal: { email: "support@pump.test", role: "support", sessionId: sid },
    });
  });

  it("applies a role change on the very next request", async () => {
    const sid = await startStaffSession(handle.db, supportId);
    await handle.db.update(staff).set({ role: "admin" }).where(eq(staff.id, supportId));
    expect(await resolveStaffSession(handle.db, sid)).toMatchObject({ ok: true, principal: { role: "admin" } });
    await handle.db.update(staff).set({ role: "support" }).where(eq(staff.id, supportId));
    expect(await resolveStaffSession(handle.db, sid)).toMatchObject({ ok: true, principal: { role: "support" } });
  });

  it("kills a disabled member's access on the next request", async () => {
    const sid = await startStaffSession(handle.db, supportId);
    await handle.db.update(staff).set({ disabledAt: new Date() }).where(eq(staff.id, supportId));
    expect(await resolveStaffSession(handle.db, sid)).toEqual({ ok: false, reason: "disabled" });
    await handle.db.update(staff).set({ disabledAt: null }).where(eq(staff.id, supportId));
  });

  it("ends a session after 30 idle minutes, and it stays ended", async () => {
    const sid = await startStaffSession(handle.db, supportId);
    const start = new Date();
    expect((await resolveStaffSession(handle.db, sid, new Date(start.getTime() + minutes(29)))).ok).toBe(true);
    // Activity at minute 29 moved the idle window.
    expect((await resolveStaffSession(handle.db, sid, new Date(start.getTime() + minutes(58)))).ok).toBe(true);
    const late = new Date(start.getTime() + minutes(58) + IDLE_TIMEOUT_MS + 1000);
    expect(await resolveStaffSession(handle.db, sid, late)).toEqual({ ok: false, reason: "idle" });
    expect(await resolveStaffSession(handle.db, sid, new Date())).toEqual({ ok: false, reason: "revoked" });
  });

  it("ends a session 12 hours after sign-in even when active", async () => {
    const sid = await startStaffSession(handle.db, supportId);
    const start = Date.now();
    for (let t = minutes(20); t < ABSOLUTE_TIMEOUT_MS; t += minutes(20)) {
      expect((await resolveStaffSession(handle.db, sid, new Date(start + t))).ok).toBe(true);
    }
    const after = new Date(start + ABSOLUTE_TIMEOUT_MS + minutes(1));
    expect(await resolveStaffSession(handle.db, sid, after)).toEqual({ ok: false, reason: "expired" });
  });

  it("ends a session on sign-out, for every later request", async () => {
    const sid = await startStaffSession(handle.db, supportId);
    await endStaffSession(handle.db, sid);
    expect(await resolveStaffSession(handle.db, sid)).toEqual({ ok: false, reason: "revoked" });
  });

  it("knows nothing of a made-up session id", async () => {
    expect(await resolveStaffSession(handle.db, "00000000-0000-4000-8000-000000000000")).toEqual({
      ok: false,
      reason: "unknown",
    });
  });
});
