-- Typo-tolerant company-name search. pg_trgm is a trusted extension: the database owner may create it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE TYPE "public"."deployment_method" AS ENUM('cloudformation', 'manual');--> statement-breakpoint
CREATE TYPE "public"."membership" AS ENUM('standalone', 'pump_member', 'other_member', 'other_management', 'unknown');--> statement-breakpoint
CREATE TYPE "public"."onboarding_state" AS ENUM('link_issued', 'role_deployed', 'role_verified', 'invited', 'joined', 'exception', 'offboarded');--> statement-breakpoint
CREATE TYPE "public"."role_type" AS ENUM('read_only', 'autopilot');--> statement-breakpoint
CREATE TYPE "public"."verification_state" AS ENUM('unverified', 'verified', 'failed', 'unprotected');--> statement-breakpoint
CREATE TYPE "public"."exception_state" AS ENUM('open', 'in_progress', 'resolved', 'dismissed');--> statement-breakpoint
CREATE TYPE "public"."handshake_state" AS ENUM('REQUESTED', 'OPEN', 'CANCELED', 'ACCEPTED', 'DECLINED', 'EXPIRED');--> statement-breakpoint
CREATE TABLE "aws_accounts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"account_id" text NOT NULL,
	"name" text NOT NULL,
	"email" text,
	"role_arn" text,
	"role_type" "role_type" NOT NULL,
	"deployment_method" "deployment_method",
	"external_id" text NOT NULL,
	"verification_state" "verification_state" DEFAULT 'unverified' NOT NULL,
	"last_verified_at" timestamp with time zone,
	"last_verification_error" text,
	"membership" "membership" DEFAULT 'unknown' NOT NULL,
	"pump_organization_id" uuid,
	"other_org_id" text,
	"onboarding_state" "onboarding_state" DEFAULT 'link_issued' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "aws_accounts_account_id_format" CHECK ("aws_accounts"."account_id" ~ '^[0-9]{12}$'),
	CONSTRAINT "aws_accounts_role_arn_matches_account" CHECK ("aws_accounts"."role_arn" is null or "aws_accounts"."role_arn" ~ ('^arn:aws:iam::' || "aws_accounts"."account_id" || ':role/([\x21-\x7e]+/)*[\w+=,.@-]{1,64}$')),
	CONSTRAINT "aws_accounts_external_id_format" CHECK (length("aws_accounts"."external_id") between 2 and 1224 and "aws_accounts"."external_id" ~ '^[\w+=,.@:/-]+$'),
	CONSTRAINT "aws_accounts_pump_member_has_org" CHECK (("aws_accounts"."membership" = 'pump_member') = ("aws_accounts"."pump_organization_id" is not null))
);
--> statement-breakpoint
CREATE TABLE "tenant_contacts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"name" text NOT NULL,
	"email" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tenants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"pump_id" text NOT NULL,
	"name" text NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"account_manager_id" uuid,
	"accounts_count" integer DEFAULT 0 NOT NULL,
	"last_activity_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tenants_pump_id_format" CHECK ("tenants"."pump_id" ~ '^PUMP-[0-9]{4,}$')
);
--> statement-breakpoint
CREATE TABLE "org_exceptions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"aws_account_id" uuid NOT NULL,
	"state" "exception_state" DEFAULT 'open' NOT NULL,
	"reason" text NOT NULL,
	"details" text DEFAULT '' NOT NULL,
	"assignee_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"resolved_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "org_invites" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"aws_account_id" uuid NOT NULL,
	"pump_organization_id" uuid NOT NULL,
	"handshake_id" text,
	"state" "handshake_state" NOT NULL,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "aws_accounts" ADD CONSTRAINT "aws_accounts_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aws_accounts" ADD CONSTRAINT "aws_accounts_pump_organization_id_pump_organizations_id_fk" FOREIGN KEY ("pump_organization_id") REFERENCES "public"."pump_organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_contacts" ADD CONSTRAINT "tenant_contacts_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenants" ADD CONSTRAINT "tenants_account_manager_id_staff_id_fk" FOREIGN KEY ("account_manager_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "org_exceptions" ADD CONSTRAINT "org_exceptions_aws_account_id_aws_accounts_id_fk" FOREIGN KEY ("aws_account_id") REFERENCES "public"."aws_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "org_invites" ADD CONSTRAINT "org_invites_aws_account_id_aws_accounts_id_fk" FOREIGN KEY ("aws_account_id") REFERENCES "public"."aws_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "org_invites" ADD CONSTRAINT "org_invites_pump_organization_id_pump_organizations_id_fk" FOREIGN KEY ("pump_organization_id") REFERENCES "public"."pump_organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "aws_accounts_account_id_key" ON "aws_accounts" USING btree ("account_id");--> statement-breakpoint
CREATE UNIQUE INDEX "aws_accounts_external_id_key" ON "aws_accounts" USING btree ("external_id");--> statement-breakpoint
CREATE INDEX "aws_accounts_tenant_idx" ON "aws_accounts" USING btree ("tenant_id","onboarding_state");--> statement-breakpoint
CREATE INDEX "aws_accounts_state_idx" ON "aws_accounts" USING btree ("onboarding_state","tenant_id");--> statement-breakpoint
CREATE INDEX "aws_accounts_role_type_idx" ON "aws_accounts" USING btree ("role_type","tenant_id");--> statement-breakpoint
CREATE INDEX "aws_accounts_membership_idx" ON "aws_accounts" USING btree ("membership","tenant_id");--> statement-breakpoint
CREATE INDEX "aws_accounts_failing_idx" ON "aws_accounts" USING btree ("tenant_id") WHERE "aws_accounts"."verification_state" in ('failed', 'unprotected');--> statement-breakpoint
CREATE INDEX "aws_accounts_role_arn_idx" ON "aws_accounts" USING btree ("role_arn");--> statement-breakpoint
CREATE INDEX "aws_accounts_email_idx" ON "aws_accounts" USING btree (lower("email") text_pattern_ops);--> statement-breakpoint
CREATE INDEX "aws_accounts_account_prefix_idx" ON "aws_accounts" USING btree ("account_id" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "aws_accounts_other_org_idx" ON "aws_accounts" USING btree ("other_org_id");--> statement-breakpoint
CREATE INDEX "aws_accounts_pump_org_idx" ON "aws_accounts" USING btree ("pump_organization_id");--> statement-breakpoint
CREATE INDEX "tenant_contacts_tenant_idx" ON "tenant_contacts" USING btree ("tenant_id");--> statement-breakpoint
CREATE INDEX "tenant_contacts_email_idx" ON "tenant_contacts" USING btree (lower("email") text_pattern_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "tenants_pump_id_key" ON "tenants" USING btree ("pump_id");--> statement-breakpoint
CREATE INDEX "tenants_name_sort_idx" ON "tenants" USING btree (lower("name"),"id");--> statement-breakpoint
CREATE INDEX "tenants_created_sort_idx" ON "tenants" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "tenants_activity_sort_idx" ON "tenants" USING btree ("last_activity_at","id");--> statement-breakpoint
CREATE INDEX "tenants_accounts_sort_idx" ON "tenants" USING btree ("accounts_count","id");--> statement-breakpoint
CREATE INDEX "tenants_manager_idx" ON "tenants" USING btree ("account_manager_id");--> statement-breakpoint
CREATE INDEX "tenants_name_trgm_idx" ON "tenants" USING gin (lower("name") gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "org_exceptions_open_idx" ON "org_exceptions" USING btree ("aws_account_id") WHERE "org_exceptions"."state" in ('open', 'in_progress');--> statement-breakpoint
CREATE UNIQUE INDEX "org_invites_handshake_key" ON "org_invites" USING btree ("handshake_id");--> statement-breakpoint
CREATE INDEX "org_invites_account_idx" ON "org_invites" USING btree ("aws_account_id");--> statement-breakpoint
CREATE UNIQUE INDEX "org_invites_one_pending" ON "org_invites" USING btree ("aws_account_id") WHERE "org_invites"."state" in ('REQUESTED', 'OPEN');