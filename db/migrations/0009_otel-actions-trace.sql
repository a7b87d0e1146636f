ALTER TYPE "public"."action_kind" ADD VALUE 'agent_invocation';--> statement-breakpoint
ALTER TABLE "actions" ADD COLUMN "parent_span_id" text;--> statement-breakpoint
CREATE INDEX "actions_trace_idx" ON "actions" USING btree ("trace_id","span_id") WHERE "actions"."trace_id" is not null;