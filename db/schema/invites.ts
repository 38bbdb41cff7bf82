import { sql } from "drizzle-orm";
import { index, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { pumpOrganizations } from "./organizations";
import { awsAccounts } from "./tenants";

/**
 * Organization invites (AWS handshakes) Pump sent. Kept forever: AWS drops terminal handshakes after 30 days.
 * The invites capability builds on this table (intents, reconciliation); tenants use it to find a tenant by
 * handshake ID.
 */
export const handshakeState = pgEnum("handshake_state", ["REQUESTED", "OPEN", "CANCELED", "ACCEPTED", "DECLINED", "EXPIRED"]);

export const orgInvites = pgTable(
  "org_invites",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    awsAccountId: uuid("aws_account_id")
      .notNull()
      .references(() => awsAccounts.id),
    pumpOrganizationId: uuid("pump_organization_id")
      .notNull()
      .references(() => pumpOrganizations.id),
    handshakeId: text("handshake_id"),
    state: handshakeState("state").notNull(),
    requestedAt: timestamp("requested_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("org_invites_handshake_key").on(t.handshakeId),
    index("org_invites_account_idx").on(t.awsAccountId),
    // One pending invite per account.
    uniqueIndex("org_invites_one_pending").on(t.awsAccountId).where(sql`${t.state} in ('REQUESTED', 'OPEN')`),
  ],
);

export const exceptionState = pgEnum("exception_state", ["open", "in_progress", "resolved", "dismissed"]);

/** Existing-organization exceptions: accounts whose invite would fail, handled case by case. */
export const orgExceptions = pgTable(
  "org_exceptions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    awsAccountId: uuid("aws_account_id")
      .notNull()
      .references(() => awsAccounts.id),
    state: exceptionState("state").notNull().default("open"),
    reason: text("reason").notNull(),
    details: text("details").notNull().default(""),
    assigneeId: uuid("assignee_id"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    resolvedAt: timestamp("resolved_at", { withTimezone: true }),
  },
  (t) => [index("org_exceptions_open_idx").on(t.awsAccountId).where(sql`${t.state} in ('open', 'in_progress')`)],
);
