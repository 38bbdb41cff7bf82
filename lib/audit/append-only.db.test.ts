import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { auditEvents } from "@/db/schema";
import { createTestDatabase, testDatabaseKind } from "@/db/testing/test-database";
import { recordAudit } from "./record";

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
  await recordAudit(handle.db, { system: "test" }, "req-1", { action: "test.write", after: { externalId: "x" } });
});
afterAll(() => handle.close());

describe(`audit_events is append-only (${testDatabaseKind()})`, () => {
  it("keeps the row and redacts secrets in it", async () => {
    const rows = await handle.db.select().from(auditEvents);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.after).toEqual({ externalId: "[redacted]" });
  });

  it.each([
    ["UPDATE", sql`update audit_events set action = 'rewritten'`],
    ["DELETE", sql`delete from audit_events`],
    ["TRUNCATE", sql`truncate audit_events`],
  ])("refuses %s", async (op, statement) => {
    const error = await handle.db.execute(statement).then(
      () => null,
      (e: Error) => e,
    );
    // drizzle wraps the driver's error; the database's own message is the cause.
    expect(String((error?.cause as Error | undefined)?.message)).toMatch(`append-only: ${op} refused`);
    const rows = await handle.db.select({ action: auditEvents.action }).from(auditEvents);
    expect(rows).toEqual([{ action: "test.write" }]);
  });
});
