CREATE TABLE "agent_oauth_clients" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agent_id" uuid NOT NULL,
	"client_id" text NOT NULL,
	"name" text DEFAULT '' NOT NULL,
	"auth_method" text NOT NULL,
	"secret_hash" text,
	"jwks" jsonb,
	"jwks_uri" text,
	"redirect_uris" text[] DEFAULT '{}'::text[] NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	"revoke_reason" text
);
--> statement-breakpoint
CREATE TABLE "oauth_authorization_codes" (
	"code_hash" text PRIMARY KEY NOT NULL,
	"delegation_id" uuid NOT NULL,
	"redirect_uri" text NOT NULL,
	"code_challenge" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "oauth_delegations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agent_id" uuid NOT NULL,
	"client_row_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"scopes" text[] DEFAULT '{}'::text[] NOT NULL,
	"resource" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	"revoke_reason" text
);
--> statement-breakpoint
CREATE TABLE "oauth_refresh_tokens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"token_hash" text NOT NULL,
	"delegation_id" uuid NOT NULL,
	"agent_id" uuid NOT NULL,
	"issued_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "oauth_used_assertions" (
	"jti_hash" text PRIMARY KEY NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "agents" ADD COLUMN "access_token_lifetime_seconds" integer;--> statement-breakpoint
ALTER TABLE "agent_tokens" ADD COLUMN "oauth_client_id" uuid;--> statement-breakpoint
ALTER TABLE "agent_tokens" ADD COLUMN "resource" text;--> statement-breakpoint
ALTER TABLE "agent_tokens" ADD COLUMN "delegation_id" uuid;--> statement-breakpoint
ALTER TABLE "agent_oauth_clients" ADD CONSTRAINT "agent_oauth_clients_agent_id_agents_id_fk" FOREIGN KEY ("agent_id") REFERENCES "public"."agents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agent_oauth_clients" ADD CONSTRAINT "agent_oauth_clients_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "oauth_authorization_codes" ADD CONSTRAINT "oauth_authorization_codes_delegation_id_oauth_delegations_id_fk" FOREIGN KEY ("delegation_id") REFERENCES "public"."oauth_delegations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "oauth_delegations" ADD CONSTRAINT "oauth_delegations_agent_id_agents_id_fk" FOREIGN KEY ("agent_id") REFERENCES "public"."agents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "oauth_delegations" ADD CONSTRAINT "oauth_delegations_client_row_id_agent_oauth_clients_id_fk" FOREIGN KEY ("client_row_id") REFERENCES "public"."agent_oauth_clients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "oauth_delegations" ADD CONSTRAINT "oauth_delegations_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "oauth_refresh_tokens" ADD CONSTRAINT "oauth_refresh_tokens_delegation_id_oauth_delegations_id_fk" FOREIGN KEY ("delegation_id") REFERENCES "public"."oauth_delegations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "oauth_refresh_tokens" ADD CONSTRAINT "oauth_refresh_tokens_agent_id_agents_id_fk" FOREIGN KEY ("agent_id") REFERENCES "public"."agents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "agent_oauth_clients_client_id_key" ON "agent_oauth_clients" USING btree ("client_id");--> statement-breakpoint
CREATE INDEX "agent_oauth_clients_agent_idx" ON "agent_oauth_clients" USING btree ("agent_id");--> statement-breakpoint
CREATE INDEX "oauth_delegations_user_idx" ON "oauth_delegations" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "oauth_delegations_agent_idx" ON "oauth_delegations" USING btree ("agent_id");--> statement-breakpoint
CREATE UNIQUE INDEX "oauth_refresh_tokens_hash_key" ON "oauth_refresh_tokens" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "oauth_refresh_tokens_agent_idx" ON "oauth_refresh_tokens" USING btree ("agent_id");