import { describe, expect, it } from "vitest";
import { awsAccounts } from "@/db/schema";
import { testDatabaseKind } from "@/db/testing/test-database";
import { seededTestDatabase } from "@/db/testing/seeded-test-database";
import { tenantRow } from "./testing/db-test-kit";
import { duplicateFromRace, violatedUniqueIndex, withoutParameters } from "./duplicates";
import { generateExternalId } from "./external-id";

const database = seededTestDatabase();

const accountValues = async (pumpId: string, accountId: string) => ({
  tenantId: (await tenantRow(database.db, pumpId))!.id,
  accountId,
  name: "race",
  roleType: "read_only" as const,
  externalId: generateExternalId(),
});

describe(`duplicates that only the unique index catches (${testDatabaseKind()})`, () => {
  it("turns the driver's unique violation into the duplicate message, and strips parameters from other errors", async () => {
    const values = await accountValues("PUMP-0043", "444455556666");
    const error = await database.db
      .insert(awsAccounts)
      .values(values)
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(violatedUniqueIndex(error)).toBe("aws_accounts_account_id_key");
    const mapped = await duplicateFromRace(database.db, error, { accountId: "444455556666" });
    expect(mapped?.fieldErrors).toEqual({
      accountId: ["AWS account 444455556666 already belongs to Acme Corp (PUMP-0042)."],
    });
    // Drizzle's own message carries the statement's parameters, External ID included; ours must not.
    expect(String(error)).toContain(values.externalId);
    expect(withoutParameters(error).message).not.toContain(values.externalId);
    expect(withoutParameters(error).message).toContain("23505");
  });
});
