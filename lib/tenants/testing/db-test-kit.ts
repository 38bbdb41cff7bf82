// Helpers for the tenants database tests (not shipped: nothing outside *.db.test.ts imports this file).
import { count, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { auditEvents, awsAccounts, tenantContacts, tenants } from "@/db/schema";

export async function auditCount(db: Db) {
  const [row] = await db.select({ n: count() }).from(auditEvents);
  return row!.n;
}

export async function lastAudit(db: Db) {
  const [row] = await db
    .select()
    .from(auditEvents)
    .orderBy(sql`${auditEvents.id} desc`)
    .limit(1);
  return row!;
}

export async function tenantRow(db: Db, pumpId: string) {
  const [row] = await db.select().from(tenants).where(eq(tenants.pumpId, pumpId));
  return row;
}

export async function contactsOf(db: Db, tenantId: string) {
  return db
    .select({ name: tenantContacts.name, email: tenantContacts.email })
    .from(tenantContacts)
    .where(eq(tenantContacts.tenantId, tenantId))
    .orderBy(tenantContacts.name);
}

/** The full row, External ID included: tests compare it, the application never reads it this way. */
export async function accountRow(db: Db, accountId: string) {
  const [row] = await db.select().from(awsAccounts).where(eq(awsAccounts.accountId, accountId));
  return row;
}

export async function allExternalIds(db: Db) {
  const rows = await db.select({ value: awsAccounts.externalId }).from(awsAccounts);
  return rows.map((r) => r.value);
}
