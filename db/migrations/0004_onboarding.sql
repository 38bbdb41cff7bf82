CREATE TYPE "public"."callback_status" AS ENUM('received', 'processing', 'processed', 'failed');--> statement-breakpoint
CREATE TYPE "public"."onboarding_status" AS ENUM('issued', 'deployed', 'verified', 'failed', 'expired', 'revoked');--> statement-breakpoint
CREATE TABLE "callback_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"sns_message_id" text NOT NULL,
	"topic_arn" text NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"request_type" text NOT NULL,
	"stack_id" text NOT NULL,
	"request_id" text NOT NULL,
	"logical_resource_id" text NOT NULL,
	"request" jsonb NOT NULL,
	"status" "callback_status" DEFAULT 'received' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"onboarding_id" uuid,
	"response_status" text,
	"response_reason" text,
	"responded_at" timestamp with time zone,
	"processed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "onboardings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"aws_account_id" uuid,
	"expected_account_id" text,
	"role_type" "role_type" NOT NULL,
	"region" text NOT NULL,
	"external_id" text NOT NULL,
	"token" text NOT NULL,
	"status" "onboarding_status" DEFAULT 'issued' NOT NULL,
	"is_final_step" boolean DEFAULT false NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"issued_by_id" uuid,
	"stack_id" text,
	"role_arn" text,
	"failure_reason" text,
	"consumed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "onboardings_expected_account_format" CHECK ("onboardings"."expected_account_id" is null or "onboardings"."expected_account_id" ~ '^[0-9]{12}$'),
	CONSTRAINT "onboardings_region_format" CHECK ("onboardings"."region" ~ '^[a-z]{2}(-[a-z]+)+-[0-9]$')
);
--> statement-breakpoint
CREATE TABLE "sandbox_cfn_responses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"response_url" text NOT NULL,
	"body" jsonb NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "callback_messages" ADD CONSTRAINT "callback_messages_onboarding_id_onboardings_id_fk" FOREIGN KEY ("onboarding_id") REFERENCES "public"."onboardings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "onboardings" ADD CONSTRAINT "onboardings_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "onboardings" ADD CONSTRAINT "onboardings_aws_account_id_aws_accounts_id_fk" FOREIGN KEY ("aws_account_id") REFERENCES "public"."aws_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "onboardings" ADD CONSTRAINT "onboardings_issued_by_id_staff_id_fk" FOREIGN KEY ("issued_by_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "callback_messages_sns_key" ON "callback_messages" USING btree ("sns_message_id");--> statement-breakpoint
CREATE UNIQUE INDEX "callback_messages_request_key" ON "callback_messages" USING btree ("stack_id","request_id","logical_resource_id");--> statement-breakpoint
CREATE INDEX "callback_messages_pending_idx" ON "callback_messages" USING btree ("received_at") WHERE "callback_messages"."status" in ('received', 'processing');--> statement-breakpoint
CREATE UNIQUE INDEX "onboardings_token_key" ON "onboardings" USING btree ("token");--> statement-breakpoint
CREATE UNIQUE INDEX "onboardings_one_live_per_external_id" ON "onboardings" USING btree ("external_id") WHERE "onboardings"."status" = 'issued';--> statement-breakpoint
CREATE INDEX "onboardings_tenant_idx" ON "onboardings" USING btree ("tenant_id","created_at" DESC NULLS LAST);