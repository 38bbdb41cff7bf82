import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { awsAccounts } from "@/db/schema";
import { createTestDatabase, testDatabaseKind } from "@/db/test-database";
import { seedDatabase } from "@/db/seed-core";
import { request, sameOrigin } from "@/lib/auth/test-kit";
import { tenantRow } from "./db-test-kit";
import { duplicateFromRace, violatedUniqueIndex, withoutParameters } from "./duplicates";
import { generateExternalId } from "./external-id";

const db = vi.hoisted(() => ({ handle: null as DatabaseHandle | null }));
vi.mock("next/headers", async () => {
  const kit = await import("@/lib/auth/test-kit");
  return { headers: async () => kit.request.headers };
});
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
vi.mock("@/lib/auth/session", async () => {
  const kit = await import("@/lib/auth/test-kit");
  return { getStaffPrincipal: async () => kit.currentActor() };
});
vi.mock("@/db/client", async (original) => ({
  ...(await original<object>()),
  getDb: async () => db.handle!.db,
}));


let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
  db.handle = handle;
  await seedDatabase(handle.db);
}, 120_000);
afterAll(() => handle.close());

beforeEach(() => {
  request.actor = null;
  sameOrigin();
});

const accountValues = async (pumpId: string, accountId: string) => ({
  tenantId: (await tenantRow(handle.db, pumpId))!.id,
  accountId,
  name: "race",
  roleType: "read_only" as const,
  externalId: generateExternalId(),
});

describe(`duplicates that only the unique index catches (${testDatabaseKind()})`, () => {
  it("turns the driver's unique violation into the duplicate message, and strips parameters from other errors", async () => {
    const values = await accountValues("PUMP-0043", "444455556666");
    const error = await handle.db
      .insert(awsAccounts)
      .values(values)
      .then(() => null, (e: unknown) => e);
    expect(violatedUniqueIndex(error)).toBe("aws_accounts_account_id_key");
    const mapped = await duplicateFromRace(handle.db, error, { accountId: "444455556666" });
    expect(mapped?.fieldErrors).toEqual({ accountId: ["AWS account 444455556666 already belongs to Acme Corp (PUMP-0042)."] });
    // Drizzle's own message carries the statement's parameters, External ID included; ours must not.
    expect(String(error)).toContain(values.externalId);
    expect(withoutParameters(error).message).not.toContain(values.externalId);
    expect(withoutParameters(error).message).toContain("23505");
  });
});
