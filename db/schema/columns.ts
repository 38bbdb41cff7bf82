import { timestamp } from "drizzle-orm/pg-core";

/** Shared column group: every mutable table records when it was created and last changed (UTC). */
export const timestamps = {
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true })
    .notNull()
    .defaultNow()
    .$onUpdate(() => new Date()),
};
