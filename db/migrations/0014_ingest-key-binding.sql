ALTER TABLE "actions" ADD COLUMN "received_after_containment" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "ingest_keys" ADD COLUMN "agent_ids" uuid[];