import { sql } from "drizzle-orm";
import { index, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { timestamps } from "./columns";

export const staffRole = pgEnum("staff_role", ["support", "account_manager", "solutions_architect", "admin"]);

export const staff = pgTable(
  "staff",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    // Stored lower-case; sign-in matches the identity provider's verified email against it.
    email: text("email").notNull(),
    name: text("name").notNull(),
    role: staffRole("role").notNull(),
    disabledAt: timestamp("disabled_at", { withTimezone: true }),
    ...timestamps,
  },
  (t) => [uniqueIndex("staff_email_key").on(sql`lower(${t.email})`)],
);

/**
 * One row per sign-in. The JWT cookie only carries this row's id; every request re-reads the row and the staff
 * member, so sign-out, disabling and role changes take effect on the next request.
 */
export const staffSessions = pgTable(
  "staff_sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    staffId: uuid("staff_id")
      .notNull()
      .references(() => staff.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [index("staff_sessions_staff_idx").on(t.staffId)],
);
