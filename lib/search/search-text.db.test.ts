import { describe, expect, it } from "vitest";
import { awsAccounts } from "@/db/schema";
import { testDatabaseKind } from "@/db/testing/test-database";
import { sandboxWorld } from "@/lib/aws/sandbox-world";
import { setupSearchDatabase, support } from "./testing/search-db-kit";

// Global search by text: emails, company names and their ranking, and input meant to break it. Identifiers (account
// IDs, ARNs, Pump IDs, External IDs) are in search.db.test.ts.

const { acme } = sandboxWorld.customers;
const { db, search, first } = setupSearchDatabase();

describe(`global search by text (${testDatabaseKind()})`, () => {
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
    ["13 digits", "4444555566667"],
  ])("returns no results for %s", async (_, q) => {
    expect(await search(q, support)).toEqual({ results: [], externalIdMatch: null });
  });

  it("returns no results for a malformed ARN, and says what it read", async () => {
    expect(await search("arn:aws:iam::12:role/x", support)).toEqual({
      results: [],
      reading: "This looks like an ARN, but its account ID “12” is not 12 digits.",
      externalIdMatch: null,
    });
  });

  it("finds a tenant by a contact's name, typo-tolerant, after its company name", async () => {
    expect(await first("Peter Gibbons")).toEqual({
      pumpId: "PUMP-0054",
      tenantName: "Initrode Holdings",
      matched: "contact Peter Gibbons",
    });
    expect(await first("gibbons")).toMatchObject({ pumpId: "PUMP-0054", matched: "contact Peter Gibbons (contains)" });
    expect(await first("Gibons")).toMatchObject({ pumpId: "PUMP-0054", matched: "contact Peter Gibbons (similar)" });
    expect(await first("Alfred Penny")).toMatchObject({
      pumpId: "PUMP-0048",
      matched: "contact Alfred Pennyworth (starts with)",
    });
    // A company matching by name keeps its own reason (one result per tenant, its best).
    expect((await search("Wile E. Coyote")).results).toContainEqual({
      pumpId: "PUMP-0042",
      tenantName: "Acme Corp",
      matched: "contact Wile E. Coyote",
    });
  });

  it("finds an AWS account by its name and leads to that account", async () => {
    expect((await search("initrode-07")).results[0]).toEqual({
      pumpId: "PUMP-0054",
      tenantName: "Initrode Holdings",
      matched: "account name initrode-07",
      accountId: "610000000007",
    });
    expect(await first("Acme-Sandbox")).toEqual({
      pumpId: "PUMP-0042",
      tenantName: "Acme Corp",
      matched: "account name acme-sandbox",
      accountId: "100000000001",
    });
    // A tenant's name still comes before its accounts' names; the thirty "initrode-NN" are cut at 10 with a notice.
    const many = await search("initrode");
    expect(many.results[0]).toMatchObject({ tenantName: "Initrode Holdings", matched: "name (starts with)" });
    expect(many.results[1]).toMatchObject({ matched: "account name initrode-01 (starts with)" });
    expect(many.notice).toMatch(/More than 10 matches/);
    // Not "similar": a near miss of an identifier-like name is no match.
    expect((await search("initrode-99")).results.map((r) => r.matched)).not.toContainEqual(
      expect.stringMatching(/^account name/),
    );
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
    const secrets = (await db().select({ v: awsAccounts.externalId }).from(awsAccounts)).map((r) => r.v);
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
      const json = JSON.stringify({ results: response.results, notice: response.notice, reading: response.reading });
      for (const secret of secrets) expect(json, q).not.toContain(secret);
      expect(json).not.toMatch(/external_?id/i);
    }
    expect(seen).toBeGreaterThan(secrets.length);
  });
});
