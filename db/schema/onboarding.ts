import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { timestamps } from "./columns";
import { staff } from "./staff";
import { awsAccounts, roleType, tenants } from "./tenants";

export const onboardingStatus = pgEnum("onboarding_status", [
  "issued",
  "deployed",
  "verified",
  "failed",
  "expired",
  "revoked",
]);

/**
 * One issued quick-create link. The External ID is the account's (known account) or generated for the account
 * the customer will deploy into; the token is single-use and ties the CloudFormation callback to this row.
 */
export const onboardings = pgTable(
  "onboardings",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id),
    // Set when the account is known at issue time, or once the callback has created or matched it.
    awsAccountId: uuid("aws_account_id").references(() => awsAccounts.id),
    expectedAccountId: text("expected_account_id"),
    roleType: roleType("role_type").notNull(),
    region: text("region").notNull(),
    externalId: text("external_id").notNull(),
    // A secret while the link is live: never in lists or logs; shown again only through an audited action.
    token: text("token").notNull(),
    status: onboardingStatus("status").notNull().default("issued"),
    // When its role is verified, request the Organization invite (the invites capability picks this up).
    isFinalStep: boolean("is_final_step").notNull().default(false),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    issuedById: uuid("issued_by_id").references(() => staff.id),
    stackId: text("stack_id"),
    roleArn: text("role_arn"),
    failureReason: text("failure_reason"),
    consumedAt: timestamp("consumed_at", { withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("onboardings_token_key").on(t.token),
    // One live link per External ID: re-issuing revokes the previous one in the same transaction.
    uniqueIndex("onboardings_one_live_per_external_id")
      .on(t.externalId)
      .where(sql`${t.status} = 'issued'`),
    index("onboardings_tenant_idx").on(t.tenantId, t.createdAt.desc()),
    check(
      "onboardings_expected_account_format",
      sql`${t.expectedAccountId} is null or ${t.expectedAccountId} ~ '^[0-9]{12}$'`,
    ),
    check("onboardings_region_format", sql`${t.region} ~ '^[a-z]{2}(-[a-z]+)+-[0-9]$'`),
  ],
);

export const callbackStatus = pgEnum("callback_status", ["received", "processing", "processed", "failed"]);

/**
 * Verified SNS notifications from the CloudFormation custom resource, stored before SNS gets its answer. The
 * unique SNS MessageId (and CloudFormation's StackId + RequestId) make redeliveries do nothing twice.
 */
export const callbackMessages = pgTable(
  "callback_messages",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    snsMessageId: text("sns_message_id").notNull(),
    topicArn: text("topic_arn").notNull(),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
    requestType: text("request_type").notNull(),
    stackId: text("stack_id").notNull(),
    requestId: text("request_id").notNull(),
    logicalResourceId: text("logical_resource_id").notNull(),
    // The CloudFormation request (ResourceProperties, ResponseURL …) as verified.
    request: jsonb("request").notNull(),
    status: callbackStatus("status").notNull().default("received"),
    attempts: integer("attempts").notNull().default(0),
    onboardingId: uuid("onboarding_id").references(() => onboardings.id),
    responseStatus: text("response_status"),
    responseReason: text("response_reason"),
    respondedAt: timestamp("responded_at", { withTimezone: true }),
    processedAt: timestamp("processed_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("callback_messages_sns_key").on(t.snsMessageId),
    uniqueIndex("callback_messages_request_key").on(t.stackId, t.requestId, t.logicalResourceId),
    index("callback_messages_pending_idx")
      .on(t.receivedAt)
      .where(sql`${t.status} in ('received', 'processing')`),
  ],
);

/** Responses the sandbox's "CloudFormation" received at a ResponseURL (the SDK gateway PUTs them to S3). */
export const sandboxCfnResponses = pgTable("sandbox_cfn_responses", {
  id: uuid("id").primaryKey().defaultRandom(),
  responseUrl: text("response_url").notNull(),
  body: jsonb("body").notNull(),
  receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
});
