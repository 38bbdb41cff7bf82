import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { awsAccounts } from "@/db/schema";
import { testDatabaseKind } from "@/db/testing/test-database";
import { sandboxWorld } from "@/lib/aws/sandbox-world";
import { manager, setupSearchDatabase, support } from "./testing/search-db-kit";

// Global search by an identifier: account IDs, ARNs, Pump IDs, organization and handshake IDs, External IDs. Emails,
// names and hostile input are in search-text.db.test.ts.

const { acme } = sandboxWorld.customers;
const { db, search, first } = setupSearchDatabase();

describe(`global search by identifier (${testDatabaseKind()})`, () => {
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

  it.each([
    "arn:aws:iam::444455556666:role/…",
    "arn:aws:iam::444455556666:role/...",
    "arn:aws:iam::444455556666:role/PumpCust",
    "arn:aws:iam::444455556666:role/PumpCust…",
    "arn:aws:sts::444455556666:assumed-role/PumpCustomerAccess/…",
    "arn:aws:iam::444455556666",
    "Could not assume arn:aws:iam::444455556666:role/PumpCustomerAccess, please help",
  ])("finds the account inside an ARN cut short or quoted: %j", async (q) => {
    expect((await search(q)).results).toEqual([
      {
        pumpId: "PUMP-0042",
        tenantName: "Acme Corp",
        matched: "account ID 444455556666 (from ARN)",
        accountId: "444455556666",
      },
    ]);
  });

  it("finds accounts starting with the digits of an ARN cut short inside its account ID", async () => {
    expect(await first("arn:aws:iam::44445555")).toMatchObject({
      pumpId: "PUMP-0042",
      matched: "account ID 444455556666 (starts with 44445555)",
    });
  });

  it("says what it read of an ARN that matches nothing", async () => {
    expect(await search("arn:aws:iam::123412341234:role/…")).toEqual({
      results: [],
      reading: "Read as an ARN for account 1234-1234-1234; no tenant has it.",
      externalIdMatch: null,
    });
    expect((await search("arn:aws:iam::4444555566:role/PumpCustomerAccess")).reading).toBe(
      "This looks like an ARN, but its account ID “4444555566” is not 12 digits.",
    );
    // With results, each result says why it matched: no reading.
    expect((await search("arn:aws:iam::444455556666:role/…")).reading).toBeUndefined();
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

  it("finds an account by its exact External ID only for roles with the permission, and says which account", async () => {
    const hit = await search(acme.externalId, support);
    expect(hit.results).toEqual([
      { pumpId: "PUMP-0042", tenantName: "Acme Corp", matched: "External ID", accountId: "444455556666" },
    ]);
    const [row] = await db()
      .select({ id: awsAccounts.id })
      .from(awsAccounts)
      .where(eq(awsAccounts.accountId, acme.accountId));
    expect(hit.externalIdMatch).toBe(row!.id);

    expect(await search(acme.externalId, manager)).toEqual({ results: [], externalIdMatch: null });
    // Exact only: a prefix of a secret finds nothing.
    expect(await search(acme.externalId.slice(0, -1), support)).toEqual({ results: [], externalIdMatch: null });
  });
});
