// The seeded database the search.*.db.test.ts files search (not shipped: only tests import it).
import { eq } from "drizzle-orm";
import { afterAll, beforeAll } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { awsAccounts, pumpOrganizations, tenantContacts, tenants } from "@/db/schema";
import { seedDatabase } from "@/db/seed-core";
import { createTestDatabase } from "@/db/testing/test-database";
import { searchTenants } from "../search";

export const support = { canSearchExternalId: true };
export const manager = { canSearchExternalId: false };

/** Extra tenants: a crowded Pump organization, wildcard-looking emails, names sharing a prefix. */
async function seedExtras(handle: DatabaseHandle) {
  const [main] = await handle.db.select().from(pumpOrganizations).where(eq(pumpOrganizations.orgId, "o-7hk2m9q4xz"));
  for (let i = 0; i < 10; i++) {
    const [tenant] = await handle.db
      .insert(tenants)
      .values({ pumpId: `PUMP-${9000 + i}`, name: `Crowd ${String.fromCharCode(65 + i)} Ltd` })
      .returning();
    await handle.db.insert(awsAccounts).values({
      tenantId: tenant!.id,
      accountId: `90000000000${i}`,
      name: `crowd-${i}`,
      roleType: "read_only",
      externalId: `pump-search-test-crowd-${i}`,
      membership: "pump_member",
      pumpOrganizationId: main!.id,
    });
  }
  const [wild] = await handle.db.insert(tenants).values({ pumpId: "PUMP-9100", name: "Initech Holdings" }).returning();
  await handle.db.insert(tenantContacts).values([
    { tenantId: wild!.id, name: "Under", email: "under_score@wild.example" },
    { tenantId: wild!.id, name: "Other", email: "underXscore@wild.example" },
    { tenantId: wild!.id, name: "Pct", email: "100%sure@wild.example" },
    { tenantId: wild!.id, name: "Ann", email: "ann@wild.example.net" },
  ]);
  const [ann] = await handle.db.insert(tenants).values({ pumpId: "PUMP-9101", name: "Ann Exact" }).returning();
  await handle.db.insert(tenantContacts).values({ tenantId: ann!.id, name: "Ann", email: "Ann@Wild.example" });
}

/** One database for the file, seeded with the demo data and the extras; searches it as a manager unless told. */
export function setupSearchDatabase() {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await createTestDatabase();
    await seedDatabase(handle.db);
    await seedExtras(handle);
  });
  afterAll(() => handle.close());
  const search = async (q: unknown, options = manager) => searchTenants(handle.db, q, options);
  return {
    db: () => handle.db,
    search,
    first: async (q: string, options = manager) => (await search(q, options)).results[0],
  };
}
