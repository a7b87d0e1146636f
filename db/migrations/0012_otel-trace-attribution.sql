ALTER TYPE "public"."action_kind" ADD VALUE 'agent_invocation';--> statement-breakpoint
ALTER TABLE "actions" ADD COLUMN "parent_span_id" text;--> statement-breakpoint
ALTER TABLE "agents" ADD COLUMN "external_ids" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "ingest_keys" ADD COLUMN "last_accepted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "ingest_keys" ADD COLUMN "last_rejected_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "ingest_keys" ADD COLUMN "last_rejection_reason" text;--> statement-breakpoint
ALTER TABLE "ingest_keys" ADD COLUMN "rejected_count" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX "actions_trace_idx" ON "actions" USING btree ("trace_id","span_id") WHERE "actions"."trace_id" is not null;