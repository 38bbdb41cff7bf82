import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { staff, staffSessions } from "@/db/schema";
import type { StaffPrincipal } from "./principal";

export const IDLE_TIMEOUT_MS = 30 * 60 * 1000;
export const ABSOLUTE_TIMEOUT_MS = 12 * 60 * 60 * 1000;
// Writing last_seen_at on every request would turn every page view into a write; once a minute is precise enough
// for a 30-minute idle timeout.
const TOUCH_AFTER_MS = 60 * 1000;

export type SessionEnd = "unknown" | "revoked" | "idle" | "expired" | "disabled";

export async function startStaffSession(db: Db, staffId: string): Promise<string> {
  const [row] = await db.insert(staffSessions).values({ staffId }).returning({ id: staffSessions.id });
  if (!row) throw new Error("session insert returned no row");
  return row.id;
}

/**
 * Re-reads the session and the staff member on every request: the role and the disabled flag come from here, never
 * from the cookie, so a change takes effect on the next request.
 */
export async function resolveStaffSession(
  db: Db,
  sessionId: string,
  now = new Date(),
): Promise<{ ok: true; principal: StaffPrincipal } | { ok: false; reason: SessionEnd }> {
  const [row] = await db
    .select({
      id: staffSessions.id,
      createdAt: staffSessions.createdAt,
      lastSeenAt: staffSessions.lastSeenAt,
      revokedAt: staffSessions.revokedAt,
      staffId: staff.id,
      email: staff.email,
      name: staff.name,
      role: staff.role,
      disabledAt: staff.disabledAt,
    })
    .from(staffSessions)
    .innerJoin(staff, eq(staff.id, staffSessions.staffId))
    .where(eq(staffSessions.id, sessionId));
  if (!row) return { ok: false, reason: "unknown" };
  if (row.revokedAt) return { ok: false, reason: "revoked" };
  if (row.disabledAt) return { ok: false, reason: "disabled" };
  const expired = now.getTime() - row.createdAt.getTime() > ABSOLUTE_TIMEOUT_MS;
  const idle = now.getTime() - row.lastSeenAt.getTime() > IDLE_TIMEOUT_MS;
  if (expired || idle) {
    await endStaffSession(db, sessionId, now);
    return { ok: false, reason: expired ? "expired" : "idle" };
  }
  if (now.getTime() - row.lastSeenAt.getTime() > TOUCH_AFTER_MS) {
    await db.update(staffSessions).set({ lastSeenAt: now }).where(eq(staffSessions.id, sessionId));
  }
  return {
    ok: true,
    principal: { id: row.staffId, email: row.email, name: row.name, role: row.role, sessionId: row.id },
  };
}

export async function endStaffSession(db: Db, sessionId: string, now = new Date()) {
  await db
    .update(staffSessions)
    .set({ revokedAt: now })
    .where(and(eq(staffSessions.id, sessionId), isNull(staffSessions.revokedAt)));
}

export async function endAllStaffSessions(db: Db, staffId: string, now = new Date()) {
  await db
    .update(staffSessions)
    .set({ revokedAt: now })
    .where(and(eq(staffSessions.staffId, staffId), isNull(staffSessions.revokedAt)));
}

/** Staff may sign in only if a row exists for the (verified) email and is not disabled. */
export async function findStaffForSignIn(db: Db, email: string) {
  const [row] = await db
    .select({ id: staff.id, email: staff.email, name: staff.name, role: staff.role, disabledAt: staff.disabledAt })
    .from(staff)
    .where(sql`lower(${staff.email}) = ${email.trim().toLowerCase()}`);
  return row ?? null;
}
