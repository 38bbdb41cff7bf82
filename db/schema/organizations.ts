import { boolean, check, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { timestamps } from "./columns";

/** Pump's own payer organizations: the ones that invite customer accounts. */
export const pumpOrganizations = pgTable(
  "pump_organizations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull().unique(),
    orgId: text("org_id").notNull().unique(),
    managementAccountId: text("management_account_id").notNull().unique(),
    // The role the console assumes in the management account (first hop of the role chain).
    operatorRoleArn: text("operator_role_arn").notNull(),
    accountQuota: integer("account_quota").notNull().default(10),
    // Invitation attempts AWS allows per 24 h. AWS's 2022 text
    // (https://docs.aws.amazon.com/organizations/latest/userguide/orgs_reference_limits.html) says max(20, quota); the
    // current value is unconfirmed, so Pump plans with 20 unless staff set what AWS confirmed for this organization.
    dailyInviteLimit: integer("daily_invite_limit").notNull().default(20),
    // Accounts in the organization as AWS last listed them (management account included); null = never synced.
    memberCount: integer("member_count"),
    invitesSyncedAt: timestamp("invites_synced_at", { withTimezone: true }),
    isDefault: boolean("is_default").notNull().default(false),
    ...timestamps,
  },
  (t) => [
    check("pump_organizations_org_id_format", sql`${t.orgId} ~ '^o-[a-z0-9]{10,32}$'`),
    check("pump_organizations_account_format", sql`${t.managementAccountId} ~ '^[0-9]{12}$'`),
    check(
      "pump_organizations_operator_role_in_management_account",
      sql`${t.operatorRoleArn} like 'arn:aws:iam::' || ${t.managementAccountId} || ':role/%'`,
    ),
    check("pump_organizations_quota_positive", sql`${t.accountQuota} > 0`),
    check("pump_organizations_daily_limit_positive", sql`${t.dailyInviteLimit} > 0`),
    // At most one default organization.
    uniqueIndex("pump_organizations_one_default")
      .on(t.isDefault)
      .where(sql`${t.isDefault}`),
  ],
);
