import { bigint, boolean, check, index, integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";

/**
 * The sandbox gateway's view of AWS, kept in the database so it survives restarts. Only the sandbox gateway reads
 * or writes these tables.
 */

/** IAM roles that exist in the sandbox world, with the parts of their trust policy the sandbox evaluates. */
export const sandboxIamRoles = pgTable(
  "sandbox_iam_roles",
  {
    arn: text("arn").primaryKey(),
    accountId: text("account_id").notNull(),
    // Account whose principals the trust policy allows (`Principal: {AWS: <account>}`).
    trustedAccountId: text("trusted_account_id").notNull(),
    // `Condition: StringEquals sts:ExternalId`. Null = no condition: the "unprotected" role AWS warns about.
    requiredExternalId: text("required_external_id"),
    maxSessionDuration: integer("max_session_duration").notNull().default(3600),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("sandbox_iam_roles_account", sql`${t.arn} like 'arn:aws:iam::' || ${t.accountId} || ':role/%'`),
    check("sandbox_iam_roles_duration", sql`${t.maxSessionDuration} between 3600 and 43200`),
  ],
);

/** Temporary credentials the sandbox STS has issued; GetCallerIdentity resolves them like AWS does. */
export const sandboxCredentials = pgTable("sandbox_credentials", {
  accessKeyId: text("access_key_id").primaryKey(),
  secretAccessKey: text("secret_access_key").notNull(),
  sessionToken: text("session_token").notNull(),
  // `arn:aws:sts::<account>:assumed-role/<role>/<session>`
  arn: text("arn").notNull(),
  accountId: text("account_id").notNull(),
  roleArn: text("role_arn").notNull(),
  isChained: boolean("is_chained").notNull().default(false),
  expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
});

/** AWS organizations of the sandbox world: the Pump organizations and a few others (sandbox-world.ts). */
export const sandboxOrganizations = pgTable(
  "sandbox_organizations",
  {
    id: text("id").primaryKey(),
    managementAccountId: text("management_account_id").notNull().unique(),
    featureSet: text("feature_set").notNull().default("ALL"),
    // Accounts per organization (default 10); pending invitations count against it
    // (https://docs.aws.amazon.com/organizations/latest/userguide/orgs_reference_limits.html).
    accountQuota: integer("account_quota").notNull().default(10),
    // Invitation attempts per 24 h. AWS's 2022 text: max(20, quota); the current value is unconfirmed, so the
    // sandbox keeps it per organization (default 20) and tests set either rule.
    dailyInviteLimit: integer("daily_invite_limit").notNull().default(20),
  },
  (t) => [
    check("sandbox_organizations_id", sql`${t.id} ~ '^o-[a-z0-9]{10,32}$'`),
    check("sandbox_organizations_feature_set", sql`${t.featureSet} in ('ALL', 'CONSOLIDATED_BILLING')`),
    check("sandbox_organizations_quota", sql`${t.accountQuota} > 0`),
  ],
);

/** Which organization each sandbox account belongs to (an account belongs to at most one). */
export const sandboxOrgMembers = pgTable("sandbox_org_members", {
  accountId: text("account_id").primaryKey(),
  organizationId: text("organization_id")
    .notNull()
    .references(() => sandboxOrganizations.id, { onDelete: "cascade" }),
  isManagement: boolean("is_management").notNull().default(false),
  joinedAt: timestamp("joined_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * INVITE handshakes the sandbox organizations sent. `state` is the stored state; an OPEN row past `expires_at` reads
 * as EXPIRED, and terminal rows older than 30 days are no longer listed (sandbox-organizations.ts).
 */
export const sandboxHandshakes = pgTable(
  "sandbox_handshakes",
  {
    id: text("id").primaryKey(),
    organizationId: text("organization_id")
      .notNull()
      .references(() => sandboxOrganizations.id, { onDelete: "cascade" }),
    accountId: text("account_id").notNull(),
    state: text("state").notNull(),
    notes: text("notes"),
    requestedAt: timestamp("requested_at", { withTimezone: true }).notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    check("sandbox_handshakes_id", sql`${t.id} ~ '^h-[0-9a-z]{8,32}$'`),
    check(
      "sandbox_handshakes_state",
      sql`${t.state} in ('REQUESTED', 'OPEN', 'CANCELED', 'ACCEPTED', 'DECLINED', 'EXPIRED')`,
    ),
    index("sandbox_handshakes_org_requested").on(t.organizationId, t.requestedAt),
    index("sandbox_handshakes_account").on(t.accountId),
  ],
);

/** One row: how far the sandbox's Organizations clock runs ahead of real time (to show expiry without waiting). */
export const sandboxClock = pgTable(
  "sandbox_clock",
  { id: integer("id").primaryKey().default(1), offsetMs: bigint("offset_ms", { mode: "number" }).notNull().default(0) },
  (t) => [check("sandbox_clock_single_row", sql`${t.id} = 1`)],
);
