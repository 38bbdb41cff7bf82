CREATE TYPE "public"."staff_role" AS ENUM('support', 'account_manager', 'solutions_architect', 'admin');--> statement-breakpoint
CREATE TYPE "public"."audit_outcome" AS ENUM('ok', 'denied', 'failed');--> statement-breakpoint
CREATE TABLE "staff" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"role" "staff_role" NOT NULL,
	"disabled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "staff_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"staff_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "audit_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" uuid,
	"actor_email" text,
	"actor_role" text,
	"action" text NOT NULL,
	"target_type" text,
	"target_id" text,
	"outcome" "audit_outcome" NOT NULL,
	"before" jsonb,
	"after" jsonb,
	"reason" text,
	"request_id" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pump_organizations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"org_id" text NOT NULL,
	"management_account_id" text NOT NULL,
	"operator_role_arn" text NOT NULL,
	"account_quota" integer DEFAULT 10 NOT NULL,
	"is_default" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "pump_organizations_name_unique" UNIQUE("name"),
	CONSTRAINT "pump_organizations_org_id_unique" UNIQUE("org_id"),
	CONSTRAINT "pump_organizations_management_account_id_unique" UNIQUE("management_account_id"),
	CONSTRAINT "pump_organizations_org_id_format" CHECK ("pump_organizations"."org_id" ~ '^o-[a-z0-9]{10,32}$'),
	CONSTRAINT "pump_organizations_account_format" CHECK ("pump_organizations"."management_account_id" ~ '^[0-9]{12}$'),
	CONSTRAINT "pump_organizations_operator_role_in_management_account" CHECK ("pump_organizations"."operator_role_arn" like 'arn:aws:iam::' || "pump_organizations"."management_account_id" || ':role/%'),
	CONSTRAINT "pump_organizations_quota_positive" CHECK ("pump_organizations"."account_quota" > 0)
);
--> statement-breakpoint
CREATE TABLE "sandbox_credentials" (
	"access_key_id" text PRIMARY KEY NOT NULL,
	"secret_access_key" text NOT NULL,
	"session_token" text NOT NULL,
	"arn" text NOT NULL,
	"account_id" text NOT NULL,
	"role_arn" text NOT NULL,
	"is_chained" boolean DEFAULT false NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sandbox_iam_roles" (
	"arn" text PRIMARY KEY NOT NULL,
	"account_id" text NOT NULL,
	"trusted_account_id" text NOT NULL,
	"required_external_id" text,
	"max_session_duration" integer DEFAULT 3600 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sandbox_iam_roles_account" CHECK ("sandbox_iam_roles"."arn" like 'arn:aws:iam::' || "sandbox_iam_roles"."account_id" || ':role/%'),
	CONSTRAINT "sandbox_iam_roles_duration" CHECK ("sandbox_iam_roles"."max_session_duration" between 3600 and 43200)
);
--> statement-breakpoint
ALTER TABLE "staff_sessions" ADD CONSTRAINT "staff_sessions_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_actor_id_staff_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "staff_email_key" ON "staff" USING btree (lower("email"));--> statement-breakpoint
CREATE INDEX "staff_sessions_staff_idx" ON "staff_sessions" USING btree ("staff_id");--> statement-breakpoint
CREATE INDEX "audit_events_occurred_idx" ON "audit_events" USING btree ("occurred_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "audit_events_actor_idx" ON "audit_events" USING btree ("actor_email","occurred_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "audit_events_action_idx" ON "audit_events" USING btree ("action","occurred_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "audit_events_target_idx" ON "audit_events" USING btree ("target_type","target_id","occurred_at" DESC NULLS LAST);--> statement-breakpoint
CREATE UNIQUE INDEX "pump_organizations_one_default" ON "pump_organizations" USING btree ("is_default") WHERE "pump_organizations"."is_default";