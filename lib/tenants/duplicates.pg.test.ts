// PostgreSQL server only (`*.pg.test.ts`): PGlite has a single connection, so a second transaction cannot be held
// open there while the action runs.
import { sql } from "drizzle-orm";
import { describe, expect, it, onTestFinished } from "vitest";
import { awsAccounts } from "@/db/schema";
import { seededTestDatabase } from "@/db/testing/seeded-test-database";
import { signInAs } from "@/lib/auth/testing/test-kit";
import { accountRow, lastAudit, tenantRow } from "./testing/db-test-kit";
import { generateExternalId } from "./external-id";

const { addAwsAccount } = await import("./actions");

const database = seededTestDatabase();

const accountValues = async (pumpId: string, accountId: string) => ({
  tenantId: (await tenantRow(database.db, pumpId))!.id,
  accountId,
  name: "race",
  roleType: "read_only" as const,
  externalId: generateExternalId(),
});

describe("a duplicate that lands between the check and the write (postgres)", () => {
  it("answers with the duplicate message when the other insert lands between the check and the write", async () => {
    await signInAs(database.db, "support");
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    onTestFinished(() => release());
    let inserted!: () => void;
    const ready = new Promise<void>((resolve) => (inserted = resolve));
    const values = await accountValues("PUMP-0042", "400000000001");
    const holder = database.db.transaction(async (tx) => {
      await tx.insert(awsAccounts).values(values);
      inserted();
      await gate;
    });
    await ready;
    const pending = addAwsAccount({
      tenantId: (await tenantRow(database.db, "PUMP-0043"))!.id,
      accountId: "400000000001",
      name: "late",
      roleType: "read_only",
    });
    // Wait until the action's insert is blocked on the uncommitted row: its check has already passed. However long
    // that takes on a busy machine: no count of tries, the test's timeout is the only bound (the pause only spares
    // the server).
    let sawWait = false;
    while (!sawWait) {
      const waiting = (await database.db.execute(
        sql`select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`,
      )) as unknown as { rows: { n: number }[] };
      sawWait = waiting.rows[0]!.n > 0;
      if (!sawWait) await new Promise((resolve) => setTimeout(resolve, 20));
    }
    release();
    expect(sawWait).toBe(true);
    await holder;
    expect(await pending).toMatchObject({
      ok: false,
      fieldErrors: { accountId: ["AWS account 400000000001 already belongs to Acme Corp (PUMP-0042)."] },
    });
    expect((await accountRow(database.db, "400000000001"))!.name).toBe("race");
    expect(await lastAudit(database.db)).toMatchObject({ action: "tenants.add_aws_account", outcome: "failed" });
  });
});
