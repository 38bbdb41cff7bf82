import "server-only";
import { asc, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { staff } from "@/db/schema";

export type StaffRow = {
  id: string;
  email: string;
  name: string;
  role: (typeof staff.role.enumValues)[number];
  disabledAt: Date | null;
  createdAt: Date;
};

const columns = {
  id: staff.id,
  email: staff.email,
  name: staff.name,
  role: staff.role,
  disabledAt: staff.disabledAt,
  createdAt: staff.createdAt,
};

export function listStaff(db: Db): Promise<StaffRow[]> {
  return db
    .select(columns)
    .from(staff)
    .orderBy(asc(sql`${staff.disabledAt} is not null`), asc(staff.email));
}

/** Reads one staff member inside a transaction, locking the row until it commits. */
export async function lockStaff(tx: Db, staffId: string): Promise<StaffRow | null> {
  const [row] = await tx.select(columns).from(staff).where(eq(staff.id, staffId)).for("update");
  return row ?? null;
}

/** Enabled admins, locked: two concurrent demotions cannot both see "another admin remains". */
export async function lockEnabledAdmins(tx: Db) {
  return tx
    .select({ id: staff.id })
    .from(staff)
    .where(sql`${staff.role} = 'admin' and ${staff.disabledAt} is null`)
    .for("update");
}

export const auditView = (row: StaffRow) => ({
  email: row.email,
  name: row.name,
  role: row.role,
  disabled: row.disabledAt !== null,
});
