ALTER TABLE "ingest_keys" ADD COLUMN "last_accepted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "ingest_keys" ADD COLUMN "last_rejected_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "ingest_keys" ADD COLUMN "last_rejection_reason" text;--> statement-breakpoint
ALTER TABLE "ingest_keys" ADD COLUMN "rejected_count" bigint DEFAULT 0 NOT NULL;