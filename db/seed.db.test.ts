import { count } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "./client";
import { awsAccounts, membership, onboardingState, staff, tenants, verificationState } from "./schema";
import { seedDatabase } from "./seed-core";
import { createTestDatabase, testDatabaseKind } from "./testing/test-database";

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
  await seedDatabase(handle.db);
});
afterAll(() => handle.close());

describe(`seed (${testDatabaseKind()})`, () => {
  it("is idempotent", async () => {
    const counts = async () => ({
      staff: (await handle.db.select({ n: count() }).from(staff))[0]!.n,
      tenants: (await handle.db.select({ n: count() }).from(tenants))[0]!.n,
      accounts: (await handle.db.select({ n: count() }).from(awsAccounts))[0]!.n,
    });
    const first = await counts();
    await seedDatabase(handle.db);
    expect(await counts()).toEqual(first);
  });

  it("has accounts in every onboarding state, membership and verification state", async () => {
    const rows = await handle.db.select().from(awsAccounts);
    expect(new Set(rows.map((r) => r.onboardingState))).toEqual(new Set(onboardingState.enumValues));
    expect(new Set(rows.map((r) => r.membership))).toEqual(new Set(membership.enumValues));
    expect(new Set(rows.map((r) => r.verificationState))).toEqual(new Set(verificationState.enumValues));
  });
});
