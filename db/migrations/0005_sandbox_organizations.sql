CREATE TABLE "sandbox_clock" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"offset_ms" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "sandbox_clock_single_row" CHECK ("sandbox_clock"."id" = 1)
);
--> statement-breakpoint
CREATE TABLE "sandbox_handshakes" (
	"id" text PRIMARY KEY NOT NULL,
	"organization_id" text NOT NULL,
	"account_id" text NOT NULL,
	"state" text NOT NULL,
	"notes" text,
	"requested_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "sandbox_handshakes_id" CHECK ("sandbox_handshakes"."id" ~ '^h-[0-9a-z]{8,32}$'),
	CONSTRAINT "sandbox_handshakes_state" CHECK ("sandbox_handshakes"."state" in ('REQUESTED', 'OPEN', 'CANCELED', 'ACCEPTED', 'DECLINED', 'EXPIRED'))
);
--> statement-breakpoint
CREATE TABLE "sandbox_org_members" (
	"account_id" text PRIMARY KEY NOT NULL,
	"organization_id" text NOT NULL,
	"is_management" boolean DEFAULT false NOT NULL,
	"joined_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sandbox_organizations" (
	"id" text PRIMARY KEY NOT NULL,
	"management_account_id" text NOT NULL,
	"feature_set" text DEFAULT 'ALL' NOT NULL,
	"account_quota" integer DEFAULT 10 NOT NULL,
	CONSTRAINT "sandbox_organizations_management_account_id_unique" UNIQUE("management_account_id"),
	CONSTRAINT "sandbox_organizations_id" CHECK ("sandbox_organizations"."id" ~ '^o-[a-z0-9]{10,32}$'),
	CONSTRAINT "sandbox_organizations_feature_set" CHECK ("sandbox_organizations"."feature_set" in ('ALL', 'CONSOLIDATED_BILLING')),
	CONSTRAINT "sandbox_organizations_quota" CHECK ("sandbox_organizations"."account_quota" > 0)
);
--> statement-breakpoint
ALTER TABLE "sandbox_handshakes" ADD CONSTRAINT "sandbox_handshakes_organization_id_sandbox_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."sandbox_organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sandbox_org_members" ADD CONSTRAINT "sandbox_org_members_organization_id_sandbox_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."sandbox_organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "sandbox_handshakes_org_requested" ON "sandbox_handshakes" USING btree ("organization_id","requested_at");--> statement-breakpoint
CREATE INDEX "sandbox_handshakes_account" ON "sandbox_handshakes" USING btree ("account_id");