import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "./client";
import { awsAccounts, tenants } from "./schema";
import { seedDatabase } from "./seed-core";
import { createTestDatabase, testDatabaseKind } from "./testing/test-database";

let handle: DatabaseHandle;
let tenantId: string;
beforeAll(async () => {
  handle = await createTestDatabase();
  await seedDatabase(handle.db);
  tenantId = (await handle.db.select({ id: tenants.id }).from(tenants).where(eq(tenants.pumpId, "PUMP-0046")))[0]!.id;
});
afterAll(() => handle.close());

let n = 0;
const account = (overrides: Partial<typeof awsAccounts.$inferInsert>) => {
  n++;
  return {
    tenantId,
    accountId: `31000000${String(n).padStart(4, "0")}`,
    name: "constraint",
    roleType: "read_only" as const,
    externalId: `pump-constraint-${n}`,
    ...overrides,
  };
};

/** The constraint a failed insert tripped, as PostgreSQL names it (drizzle wraps the driver error). */
async function violation(values: typeof awsAccounts.$inferInsert) {
  const error = await handle.db
    .insert(awsAccounts)
    .values(values)
    .then(
      () => null,
      (e: Error) => e,
    );
  return (error?.cause as { constraint?: string } | undefined)?.constraint ?? (error ? "unknown" : null);
}

describe(`the schema's rules, enforced by the database (${testDatabaseKind()})`, () => {
  it("accepts a role ARN in the account's own IAM, with or without a path", async () => {
    const a = account({});
    expect(await violation({ ...a, roleArn: `arn:aws:iam::${a.accountId}:role/PumpCustomerAccess` })).toBeNull();
    const b = account({});
    expect(await violation({ ...b, roleArn: `arn:aws:iam::${b.accountId}:role/pump/team/PumpReadOnly` })).toBeNull();
  });

  it.each([
    ["another account's role", (id: string) => `arn:aws:iam::${id.replace(/^3/, "4")}:role/PumpCustomerAccess`],
    ["a user, not a role", (id: string) => `arn:aws:iam::${id}:user/alice`],
    ["an STS session ARN", (id: string) => `arn:aws:sts::${id}:assumed-role/PumpCustomerAccess/s`],
    ["a role name with a space", (id: string) => `arn:aws:iam::${id}:role/Pump Access`],
  ])("refuses %s as the role ARN", async (_, arn) => {
    const a = account({});
    expect(await violation({ ...a, roleArn: arn(a.accountId) })).toBe("aws_accounts_role_arn_matches_account");
  });

  it("refuses malformed account IDs and External IDs, and a Pump member without its organization", async () => {
    expect(await violation(account({ accountId: "12345678901" }))).toBe("aws_accounts_account_id_format");
    expect(await violation(account({ externalId: "has space" }))).toBe("aws_accounts_external_id_format");
    expect(await violation(account({ externalId: "x" }))).toBe("aws_accounts_external_id_format");
    expect(await violation(account({ membership: "pump_member" }))).toBe("aws_accounts_pump_member_has_org");
  });

  it("refuses a second tenant for an account ID, and a reused External ID", async () => {
    expect(await violation(account({ accountId: "444455556666" }))).toBe("aws_accounts_account_id_key");
    const [acme] = await handle.db.select().from(awsAccounts).where(eq(awsAccounts.accountId, "444455556666"));
    expect(await violation(account({ externalId: acme!.externalId }))).toBe("aws_accounts_external_id_key");
  });
});
