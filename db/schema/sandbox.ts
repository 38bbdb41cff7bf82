import { boolean, check, integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";
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
