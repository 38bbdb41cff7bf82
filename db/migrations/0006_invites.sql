CREATE TYPE "public"."invite_phase" AS ENUM('queued', 'in_flight', 'sent', 'failed');--> statement-breakpoint
CREATE TYPE "public"."invite_source" AS ENUM('single', 'bulk', 'auto', 'resend', 'aws', 'seed');--> statement-breakpoint
DROP INDEX "org_invites_one_pending";--> statement-breakpoint
ALTER TABLE "org_invites" ALTER COLUMN "state" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "pump_organizations" ADD COLUMN "daily_invite_limit" integer DEFAULT 20 NOT NULL;--> statement-breakpoint
ALTER TABLE "pump_organizations" ADD COLUMN "member_count" integer;--> statement-breakpoint
ALTER TABLE "pump_organizations" ADD COLUMN "invites_synced_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "sandbox_organizations" ADD COLUMN "daily_invite_limit" integer DEFAULT 20 NOT NULL;--> statement-breakpoint
ALTER TABLE "tenants" ADD COLUMN "default_pump_organization_id" uuid;--> statement-breakpoint
ALTER TABLE "org_exceptions" ADD COLUMN "pump_organization_id" uuid;--> statement-breakpoint
ALTER TABLE "org_exceptions" ADD COLUMN "kind" text DEFAULT 'preflight' NOT NULL;--> statement-breakpoint
ALTER TABLE "org_exceptions" ADD COLUMN "invite_id" uuid;--> statement-breakpoint
ALTER TABLE "org_exceptions" ADD COLUMN "created_by" text;--> statement-breakpoint
ALTER TABLE "org_exceptions" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "org_invites" ADD COLUMN "phase" "invite_phase" DEFAULT 'sent' NOT NULL;--> statement-breakpoint
ALTER TABLE "org_invites" ADD COLUMN "source" "invite_source" DEFAULT 'single' NOT NULL;--> statement-breakpoint
ALTER TABLE "org_invites" ADD COLUMN "requested_by" text;--> statement-breakpoint
ALTER TABLE "org_invites" ADD COLUMN "ended_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "org_invites" ADD COLUMN "last_synced_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "org_invites" ADD COLUMN "failure_code" text;--> statement-breakpoint
ALTER TABLE "org_invites" ADD COLUMN "failure_reason" text;--> statement-breakpoint
ALTER TABLE "org_invites" ADD COLUMN "failure_message" text;--> statement-breakpoint
ALTER TABLE "org_invites" ADD COLUMN "transfer_acknowledged" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "org_invites" ADD COLUMN "resend_of_id" uuid;--> statement-breakpoint
ALTER TABLE "org_invites" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "tenants" ADD CONSTRAINT "tenants_default_pump_organization_id_pump_organizations_id_fk" FOREIGN KEY ("default_pump_organization_id") REFERENCES "public"."pump_organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "org_exceptions" ADD CONSTRAINT "org_exceptions_pump_organization_id_pump_organizations_id_fk" FOREIGN KEY ("pump_organization_id") REFERENCES "public"."pump_organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "org_exceptions" ADD CONSTRAINT "org_exceptions_invite_id_org_invites_id_fk" FOREIGN KEY ("invite_id") REFERENCES "public"."org_invites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "org_exceptions_one_open" ON "org_exceptions" USING btree ("aws_account_id") WHERE "org_exceptions"."state" in ('open', 'in_progress');--> statement-breakpoint
CREATE INDEX "org_invites_org_requested_idx" ON "org_invites" USING btree ("pump_organization_id","requested_at");--> statement-breakpoint
CREATE INDEX "org_invites_requested_idx" ON "org_invites" USING btree ("requested_at","id");--> statement-breakpoint
CREATE UNIQUE INDEX "org_invites_one_active" ON "org_invites" USING btree ("aws_account_id") WHERE phase in ('queued', 'in_flight') or (phase = 'sent' and state in ('REQUESTED', 'OPEN'));--> statement-breakpoint
ALTER TABLE "pump_organizations" ADD CONSTRAINT "pump_organizations_daily_limit_positive" CHECK ("pump_organizations"."daily_invite_limit" > 0);--> statement-breakpoint
ALTER TABLE "org_invites" ADD CONSTRAINT "org_invites_sent_has_handshake" CHECK ("org_invites"."phase" <> 'sent' or ("org_invites"."handshake_id" is not null and "org_invites"."state" is not null));--> statement-breakpoint
ALTER TABLE "org_invites" ADD CONSTRAINT "org_invites_handshake_id_format" CHECK ("org_invites"."handshake_id" is null or "org_invites"."handshake_id" ~ '^h-[0-9a-z]{8,32}$');