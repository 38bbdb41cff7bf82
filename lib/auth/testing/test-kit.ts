import { AsyncLocalStorage } from "node:async_hooks";
import type { DatabaseHandle, Db } from "@/db/client";
import { staff } from "@/db/schema";
import { seedEmailByRole, seedStaff } from "@/db/seed-data";
import type { Role } from "../permissions";
import type { StaffPrincipal } from "../principal";
import { findStaffForSignIn, startStaffSession } from "../sessions";

/**
 * Drives server actions in tests the way a request would: the test decides who is signed in and which headers
 * arrive, and the module mocks in each test file route `headers()` and `getStaffPrincipal()` here.
 */
export const request = {
  headers: new Headers({ origin: "http://localhost:3000" }),
  actor: null as StaffPrincipal | null,
};

const perCall = new AsyncLocalStorage<StaffPrincipal>();

/** The signed-in actor as the mocked `getStaffPrincipal()` sees it; `runAs` overrides it for concurrent calls. */
export function currentActor() {
  return perCall.getStore() ?? request.actor;
}

/** Runs `fn` as `actor` without touching other calls in flight: for tests of concurrent requests. */
export function runAs<T>(actor: StaffPrincipal, fn: () => Promise<T>) {
  return perCall.run(actor, fn);
}

export function sameOrigin() {
  request.headers = new Headers({ origin: "http://localhost:3000", "sec-fetch-site": "same-origin" });
}

export async function seedTestStaff(db: Db) {
  await db.insert(staff).values(seedStaff).onConflictDoNothing();
}

export async function signInAs(db: Db, who: Role | string): Promise<StaffPrincipal> {
  const email = who.includes("@") ? who : seedEmailByRole[who as Role];
  const member = await findStaffForSignIn(db, email);
  if (!member) throw new Error(`no seeded staff member ${email}`);
  const sessionId = await startStaffSession(db, member.id);
  request.actor = { id: member.id, email: member.email, name: member.name, role: member.role, sessionId };
  sameOrigin();
  return request.actor;
}

let currentDb: DatabaseHandle | null = null;

/** Makes `getDb()` (mocked in lib/auth/testing/vitest-setup.ts) return this test file's database. */
export function setTestDatabase(handle: DatabaseHandle) {
  currentDb = handle;
}

export function testDb(): Db {
  if (!currentDb)
    throw new Error("this test reached getDb() without setTestDatabase(handle): it must not touch a real database");
  return currentDb.db;
}
