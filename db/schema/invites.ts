import { sql } from "drizzle-orm";
import { boolean, check, index, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { pumpOrganizations } from "./organizations";
import { awsAccounts } from "./tenants";

/**
 * Organization invites (AWS handshakes) Pump sent, kept forever: AWS drops terminal handshakes after 30 days.
 *
 * A row is written *before* InviteAccountToOrganization is called (README › Invites: exactly once) and moves
 * through `phase`:
 *   queued    waiting for daily-limit headroom (bulk invites); no AWS call made yet
 *   in_flight the call is (or was) being made; only the reconciler, reading AWS, may conclude it
 *   sent      AWS answered with a handshake (or the reconciler found it); `state` mirrors AWS
 *   failed    AWS refused, or the reconciler found the call never reached AWS; nothing is pending
 */
export const handshakeState = pgEnum("handshake_state", [
  "REQUESTED",
  "OPEN",
  "CANCELED",
  "ACCEPTED",
  "DECLINED",
  "EXPIRED",
]);
export const invitePhase = pgEnum("invite_phase", ["queued", "in_flight", "sent", "failed"]);
export const inviteSource = pgEnum("invite_source", ["single", "bulk", "auto", "resend", "aws", "seed"]);

/**
 * Active = counts as "the account's invite": queued, in flight, or a pending handshake. A constant (never input),
 * used raw in the partial index; queries use the column-bound twin `activeInviteSql` in lib/invites/context.ts.
 */
export const ACTIVE_INVITE_SQL =
  "phase in ('queued', 'in_flight') or (phase = 'sent' and state in ('REQUESTED', 'OPEN'))";

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
    phase: invitePhase("phase").notNull().default("sent"),
    source: inviteSource("source").notNull().default("single"),
    handshakeId: text("handshake_id"),
    // AWS's state; null until AWS has answered.
    state: handshakeState("state"),
    // Who asked: a staff email, or `system:<name>`.
    requestedBy: text("requested_by"),
    // AWS's RequestedTimestamp once sent; until then, when the intent was recorded.
    requestedAt: timestamp("requested_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }),
    // When the handshake reached a terminal state, as far as Pump saw it.
    endedAt: timestamp("ended_at", { withTimezone: true }),
    lastSyncedAt: timestamp("last_synced_at", { withTimezone: true }),
    // Why the invite failed (AWS error name / Organizations reason / plain words), when phase = failed.
    failureCode: text("failure_code"),
    failureReason: text("failure_reason"),
    failureMessage: text("failure_message"),
    // Staff accepted that a direct transfer out of the customer's current organization costs it (bulk queue).
    transferAcknowledged: boolean("transfer_acknowledged").notNull().default(false),
    // A resend cancels this invite and creates a new row pointing at the old one.
    resendOfId: uuid("resend_of_id"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true })
      .notNull()
      .defaultNow()
      .$onUpdate(() => new Date()),
  },
  (t) => [
    uniqueIndex("org_invites_handshake_key").on(t.handshakeId),
    index("org_invites_account_idx").on(t.awsAccountId),
    index("org_invites_org_requested_idx").on(t.pumpOrganizationId, t.requestedAt),
    index("org_invites_requested_idx").on(t.requestedAt, t.id),
    // One active invite per account: the unique key the intent is recorded under (README › Invites: exactly once).
    uniqueIndex("org_invites_one_active").on(t.awsAccountId).where(sql.raw(ACTIVE_INVITE_SQL)),
    check(
      "org_invites_sent_has_handshake",
      sql`${t.phase} <> 'sent' or (${t.handshakeId} is not null and ${t.state} is not null)`,
    ),
    check("org_invites_handshake_id_format", sql`${t.handshakeId} is null or ${t.handshakeId} ~ '^h-[0-9a-z]{8,32}$'`),
  ],
);

export const exceptionState = pgEnum("exception_state", ["open", "in_progress", "resolved", "dismissed"]);

/**
 * Existing-organization exceptions: accounts whose invite would fail (or did), handled case by case by solutions
 * architects. `kind` says why: other_management, other_member, aws_refused, preflight.
 */
export const orgExceptions = pgTable(
  "org_exceptions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    awsAccountId: uuid("aws_account_id")
      .notNull()
      .references(() => awsAccounts.id),
    pumpOrganizationId: uuid("pump_organization_id").references(() => pumpOrganizations.id),
    kind: text("kind").notNull().default("preflight"),
    state: exceptionState("state").notNull().default("open"),
    reason: text("reason").notNull(),
    details: text("details").notNull().default(""),
    assigneeId: uuid("assignee_id"),
    // The invite whose failure opened it, when AWS refused one.
    inviteId: uuid("invite_id").references(() => orgInvites.id),
    createdBy: text("created_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true })
      .notNull()
      .defaultNow()
      .$onUpdate(() => new Date()),
    resolvedAt: timestamp("resolved_at", { withTimezone: true }),
  },
  (t) => [
    index("org_exceptions_open_idx")
      .on(t.awsAccountId)
      .where(sql`${t.state} in ('open', 'in_progress')`),
    // One open case per account: a second failure updates it instead of piling up duplicates.
    uniqueIndex("org_exceptions_one_open")
      .on(t.awsAccountId)
      .where(sql`${t.state} in ('open', 'in_progress')`),
  ],
);
