import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { awsAccounts, pumpOrganizations, tenantContacts, tenants } from "@/db/schema";
import { seedDatabase } from "@/db/seed-core";
import { createTestDatabase, testDatabaseKind } from "@/db/testing/test-database";
import { sandboxWorld } from "@/lib/aws/sandbox-world";
import { searchTenants } from "./search";

const support = { canSearchExternalId: true };
const manager = { canSearchExternalId: false };
const { acme } = sandboxWorld.customers;

let handle: DatabaseHandle;
const search = async (q: unknown, options = manager) => searchTenants(handle.db, q, options);
const first = async (q: string, options = manager) => (await search(q, options)).results[0];

/** Extra tenants: a crowded Pump organization, wildcard-looking emails, names sharing a prefix. */
async function seedExtras() {
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

beforeAll(async () => {
  handle = await createTestDatabase();
  await seedDatabase(handle.db);
  await seedExtras();
});
afterAll(() => handle.close());

describe(`global search (${testDatabaseKind()})`, () => {
  it.each(["444455556666", "4444-5555-6666", "4444 5555 6666"])("finds the tenant by account ID %j", async (q) => {
    expect((await search(q)).results).toEqual([
      { pumpId: "PUMP-0042", tenantName: "Acme Corp", matched: "account ID 444455556666", accountId: "444455556666" },
    ]);
  });

  it("finds accounts by an account ID prefix of 4+ digits, in account order", async () => {
    expect(await first("4444")).toMatchObject({
      pumpId: "PUMP-0042",
      matched: "account ID 444455556666 (starts with 4444)",
    });
    const { results } = await search("1000-0000-000");
    expect(results.map((r) => r.accountId)).toEqual(Array.from({ length: 9 }, (_, i) => `10000000000${i + 1}`));
  });

  it("finds a role ARN first as the role ARN", async () => {
    expect((await search(acme.roleArn)).results).toEqual([
      { pumpId: "PUMP-0042", tenantName: "Acme Corp", matched: "role ARN", accountId: "444455556666" },
    ]);
    expect(await first("arn:aws:iam::100000000005:role/pump/PumpCustomerAccess")).toMatchObject({
      pumpId: "PUMP-0048",
      matched: "role ARN",
    });
  });

  it("finds an assumed-role ARN's role (paths included), and any other ARN's account", async () => {
    const assumed = "arn:aws:sts::444455556666:assumed-role/PumpCustomerAccess/someone";
    expect(await first(assumed)).toEqual({
      pumpId: "PUMP-0042",
      tenantName: "Acme Corp",
      matched: "role ARN (assumed role)",
      accountId: "444455556666",
    });
    expect(await first("arn:aws:sts::100000000005:assumed-role/PumpCustomerAccess/ops")).toMatchObject({
      pumpId: "PUMP-0048",
      matched: "role ARN (assumed role)",
    });
    expect(await first("arn:aws:sts::444455556666:assumed-role/SomethingElse/x")).toMatchObject({
      matched: "account ID 444455556666 (from ARN)",
    });
    expect(await first("arn:aws-cn:iam::444455556666:role/PumpCustomerAccess")).toMatchObject({
      pumpId: "PUMP-0042",
      matched: "account ID 444455556666 (from ARN)",
    });
    expect(await first("arn:aws-us-gov:iam::100000000003:user/ops")).toMatchObject({ pumpId: "PUMP-0047" });
    expect((await search("arn:aws:iam::123412341234:role/PumpCustomerAccess")).results).toEqual([]);
  });

  it.each(["PUMP-0042", "pump-0042", "pump 42", "42"])("finds the tenant by Pump ID %j", async (q) => {
    expect((await search(q)).results).toEqual([{ pumpId: "PUMP-0042", tenantName: "Acme Corp", matched: "Pump ID" }]);
  });

  it("finds accounts in another organization by its ID", async () => {
    expect((await search("o-wayne000001")).results).toEqual([
      {
        pumpId: "PUMP-0048",
        tenantName: "Wayne Enterprises",
        matched: "account in organization o-wayne000001",
        accountId: "100000000004",
      },
    ]);
  });

  it("finds tenants in a Pump organization by its ID, capped at 10 with a notice", async () => {
    const europe = await search("o-3fp8w2n6tbq1");
    expect(europe).toMatchObject({
      results: [{ pumpId: "PUMP-0048", matched: "Pump organization Pump Europe (o-3fp8w2n6tbq1)" }],
    });
    expect(europe.notice).toBeUndefined();
    const main = await search("O-7HK2M9Q4XZ");
    expect(main.results).toHaveLength(10);
    expect(main.results.slice(0, 2).map((r) => r.tenantName)).toEqual(["Acme Corp", "Crowd A Ltd"]);
    expect(main.notice).toMatch(/o-7hk2m9q4xz \(Pump Main\) has more than 10/);
  });

  it("finds the account a handshake was sent to", async () => {
    expect((await search("H-ACME0000JOINED1")).results).toEqual([
      {
        pumpId: "PUMP-0042",
        tenantName: "Acme Corp",
        matched: "handshake h-acme0000joined1 (accepted)",
        accountId: "444455556666",
      },
    ]);
  });

  it("finds contact and root emails, exact and prefix, case-insensitively, exact first", async () => {
    expect(await first("WILE@acme.example")).toEqual({
      pumpId: "PUMP-0042",
      tenantName: "Acme Corp",
      matched: "contact email wile@acme.example",
    });
    expect(await first("wile")).toMatchObject({ pumpId: "PUMP-0042", matched: "contact email wile@acme.example" });
    expect(await first("aws-root@acme.example")).toEqual({
      pumpId: "PUMP-0042",
      tenantName: "Acme Corp",
      matched: "root email aws-root@acme.example",
      accountId: "444455556666",
    });
    expect((await search("aws-root@")).results.map((r) => r.tenantName)).toEqual(["Acme Corp", "Stark Industries"]);
    expect((await search("ann@wild.example")).results.map((r) => r.matched)).toEqual([
      "contact email Ann@Wild.example",
      "contact email ann@wild.example.net",
    ]);
  });

  it("treats %, _ and \\ in an email as themselves, not as LIKE wildcards", async () => {
    expect((await search("under_")).results.map((r) => r.matched)).toEqual(["contact email under_score@wild.example"]);
    expect((await search("100%")).results).toEqual([]);
    expect((await search("100%sure@")).results.map((r) => r.matched)).toEqual(["contact email 100%sure@wild.example"]);
    expect((await search("u%@")).results).toEqual([]);
  });

  it("finds a company by a typo'd name, ranked by similarity", async () => {
    expect(await first("Globx")).toEqual({
      pumpId: "PUMP-0043",
      tenantName: "Globex Corporation",
      matched: "name (similar)",
    });
    expect(await first("Umbrela")).toMatchObject({ tenantName: "Umbrella Corporation", matched: "name (similar)" });
    expect(await first("dynamic")).toMatchObject({ tenantName: "Massive Dynamic", matched: "name (contains)" });
    // Longer than the name: only the whole-name similarity (`%`) finds it.
    expect((await search("Acme Corporation Inc")).results).toContainEqual({
      pumpId: "PUMP-0042",
      tenantName: "Acme Corp",
      matched: "name (similar)",
    });
  });

  it("ranks an exact name before a prefix before a fuzzy match", async () => {
    const { results } = await search("initech");
    expect(results.slice(0, 2)).toEqual([
      { pumpId: "PUMP-0044", tenantName: "Initech", matched: "name" },
      { pumpId: "PUMP-9100", tenantName: "Initech Holdings", matched: "name (starts with)" },
    ]);
    expect(await first("Wayne")).toMatchObject({ tenantName: "Wayne Enterprises", matched: "name (starts with)" });
  });

  it("finds an account by its exact External ID only for roles with the permission, and says which account", async () => {
    const hit = await search(acme.externalId, support);
    expect(hit.results).toEqual([
      { pumpId: "PUMP-0042", tenantName: "Acme Corp", matched: "External ID", accountId: "444455556666" },
    ]);
    const [row] = await handle.db
      .select({ id: awsAccounts.id })
      .from(awsAccounts)
      .where(eq(awsAccounts.accountId, acme.accountId));
    expect(hit.externalIdMatch).toBe(row!.id);

    expect(await search(acme.externalId, manager)).toEqual({ results: [], externalIdMatch: null });
    // Exact only: a prefix of a secret finds nothing.
    expect(await search(acme.externalId.slice(0, -1), support)).toEqual({ results: [], externalIdMatch: null });
  });

  it.each([
    ["empty", ""],
    ["blank", "   "],
    ["a non-string", { q: "acme" }],
    ["%", "%"],
    ["_", "_"],
    ["a backslash", "\\"],
    ["SQL", "'; drop table tenants; --"],
    ["a quote pair", "''"],
    ["10k characters", "a".repeat(10_000)],
    ["257 characters", "a".repeat(257)],
    ["NUL bytes", "\u0000\u0000"],
    ["a lone surrogate", "\ud800"],
    ["a malformed ARN", "arn:aws:iam::12:role/x"],
    ["13 digits", "4444555566667"],
  ])("returns no results for %s", async (_, q) => {
    expect(await search(q, support)).toEqual({ results: [], externalIdMatch: null });
  });

  it("survives 300 random strings full of metacharacters without an error", async () => {
    const alphabet = "aeoGx09 -_%\\'\"@:/.=,+<>()[]`;*?|$\u0000\u00e9\u4e2d\ud83d\ude00\ud800";
    let seed = 11;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let i = 0; i < 300; i++) {
      const q = Array.from(
        { length: 1 + Math.floor(random() * 40) },
        () => alphabet[Math.floor(random() * alphabet.length)],
      ).join("");
      const { results } = await search(q, support);
      expect(results.length, JSON.stringify(q)).toBeLessThanOrEqual(10);
    }
    // Still answering, and the tables are intact.
    expect(await first("PUMP-0042")).toMatchObject({ tenantName: "Acme Corp" });
  });

  it("never puts an External ID in a result, whatever was searched", async () => {
    const secrets = (await handle.db.select({ v: awsAccounts.externalId }).from(awsAccounts)).map((r) => r.v);
    expect(secrets.length).toBeGreaterThan(10);
    const queries = [
      ...secrets,
      "4444",
      "1000",
      "9000",
      acme.roleArn,
      "o-7hk2m9q4xz",
      "h-acme0000joined1",
      "pump",
      "pump-",
      "aws",
      "corp",
      "Acme",
      "PUMP-0042",
    ];
    let seen = 0;
    for (const q of queries) {
      const response = await search(q, support);
      seen += response.results.length;
      const json = JSON.stringify({ results: response.results, notice: response.notice });
      for (const secret of secrets) expect(json, q).not.toContain(secret);
      expect(json).not.toMatch(/external_?id/i);
    }
    expect(seen).toBeGreaterThan(secrets.length);
  });
});
