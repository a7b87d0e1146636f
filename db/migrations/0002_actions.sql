CREATE TYPE "public"."action_kind" AS ENUM('tool_call', 'data_read', 'data_write', 'message_post', 'permission_change', 'model_call', 'login', 'other');--> statement-breakpoint
CREATE TYPE "public"."action_outcome" AS ENUM('allowed', 'denied', 'error');--> statement-breakpoint
CREATE TYPE "public"."actor_type" AS ENUM('agent', 'human');--> statement-breakpoint
CREATE TYPE "public"."sensitivity" AS ENUM('public', 'internal', 'confidential', 'restricted');--> statement-breakpoint
ALTER TYPE "public"."agent_status" ADD VALUE 'unregistered';--> statement-breakpoint
CREATE TABLE "actions" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "actions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"ingest_key_id" uuid NOT NULL,
	"external_id" text NOT NULL,
	"actor_type" "actor_type" DEFAULT 'agent' NOT NULL,
	"agent_id" uuid,
	"human_id" text,
	"occurred_at" timestamp with time zone NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"kind" "action_kind" NOT NULL,
	"tool" text,
	"target_type" text,
	"target_id" text,
	"target_uri" text,
	"sensitivity" "sensitivity",
	"on_behalf_of" text,
	"credential" text,
	"outcome" "action_outcome" DEFAULT 'allowed' NOT NULL,
	"summary" text,
	"attributes" jsonb,
	"trace_id" text,
	"span_id" text
);
--> statement-breakpoint
CREATE TABLE "ingest_keys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"prefix" text NOT NULL,
	"key_hash" text NOT NULL,
	"unknown_agents" text DEFAULT 'reject' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "actions" ADD CONSTRAINT "actions_ingest_key_id_ingest_keys_id_fk" FOREIGN KEY ("ingest_key_id") REFERENCES "public"."ingest_keys"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actions" ADD CONSTRAINT "actions_agent_id_agents_id_fk" FOREIGN KEY ("agent_id") REFERENCES "public"."agents"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ingest_keys" ADD CONSTRAINT "ingest_keys_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "actions_idempotency_key" ON "actions" USING btree ("ingest_key_id","external_id");--> statement-breakpoint
CREATE INDEX "actions_timeline_idx" ON "actions" USING btree ("occurred_at","id");--> statement-breakpoint
CREATE INDEX "actions_agent_idx" ON "actions" USING btree ("agent_id","occurred_at","id");--> statement-breakpoint
CREATE INDEX "actions_kind_idx" ON "actions" USING btree ("kind","occurred_at","id");--> statement-breakpoint
CREATE INDEX "actions_sensitivity_idx" ON "actions" USING btree ("sensitivity","occurred_at","id");--> statement-breakpoint
CREATE INDEX "actions_outcome_idx" ON "actions" USING btree ("outcome","occurred_at","id");--> statement-breakpoint
CREATE INDEX "actions_on_behalf_of_idx" ON "actions" USING btree ("on_behalf_of","occurred_at","id");--> statement-breakpoint
CREATE INDEX "actions_human_idx" ON "actions" USING btree ("human_id","occurred_at");--> statement-breakpoint
CREATE INDEX "actions_target_idx" ON "actions" USING btree ("target_type","target_id");--> statement-breakpoint
CREATE UNIQUE INDEX "ingest_keys_hash_key" ON "ingest_keys" USING btree ("key_hash");