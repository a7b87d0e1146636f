-- Actions partitioned by month of occurred_at (hand-written: drizzle cannot express
-- partitioning; db/schema/actions.ts describes the same columns, keys and indexes).
-- Keys of a partitioned table include the partition key, so the primary key is
-- (id, occurred_at), the idempotency key (ingest_key_id, external_id, occurred_at), and
-- the foreign keys that pointed at actions.id are gone (evidence ids stay plain columns).
-- PostgreSQL 15 has no identity columns on partitioned tables: id comes from a sequence.
ALTER TABLE "incident_pins" DROP CONSTRAINT IF EXISTS "incident_pins_action_id_actions_id_fk";--> statement-breakpoint
ALTER TABLE "alert_firings" DROP CONSTRAINT IF EXISTS "alert_firings_action_id_actions_id_fk";--> statement-breakpoint
ALTER TABLE "alerts" DROP CONSTRAINT IF EXISTS "alerts_first_action_id_actions_id_fk";--> statement-breakpoint
ALTER TABLE "alerts" DROP CONSTRAINT IF EXISTS "alerts_last_action_id_actions_id_fk";--> statement-breakpoint
ALTER TABLE "actions" RENAME TO "actions_unpartitioned";--> statement-breakpoint
DO $$
DECLARE r record;
BEGIN
  -- Free the index and constraint names for the partitioned table.
  FOR r IN SELECT conname FROM pg_constraint WHERE conrelid = 'actions_unpartitioned'::regclass AND contype IN ('p', 'f', 'u') LOOP
    EXECUTE format('ALTER TABLE actions_unpartitioned RENAME CONSTRAINT %I TO %I', r.conname, 'old_' || r.conname);
  END LOOP;
  FOR r IN SELECT indexname FROM pg_indexes WHERE schemaname = current_schema() AND tablename = 'actions_unpartitioned' AND indexname NOT LIKE 'old_%' LOOP
    EXECUTE format('ALTER INDEX %I RENAME TO %I', r.indexname, 'old_' || r.indexname);
  END LOOP;
END $$;--> statement-breakpoint
CREATE SEQUENCE "actions_id_seq_next";--> statement-breakpoint
SELECT setval('actions_id_seq_next', greatest(coalesce((SELECT max(id) FROM actions_unpartitioned), 0), (SELECT last_value FROM actions_id_seq)) + 1, false);--> statement-breakpoint
ALTER TABLE "actions_unpartitioned" ALTER COLUMN "id" DROP IDENTITY;--> statement-breakpoint
ALTER SEQUENCE "actions_id_seq_next" RENAME TO "actions_id_seq";--> statement-breakpoint
CREATE TABLE "actions" (LIKE "actions_unpartitioned" INCLUDING DEFAULTS) PARTITION BY RANGE ("occurred_at");--> statement-breakpoint
ALTER TABLE "actions" ALTER COLUMN "id" SET DEFAULT nextval('actions_id_seq');--> statement-breakpoint
ALTER SEQUENCE "actions_id_seq" OWNED BY "actions"."id";--> statement-breakpoint
ALTER TABLE "actions" ADD CONSTRAINT "actions_id_occurred_at_pk" PRIMARY KEY("id","occurred_at");--> statement-breakpoint
ALTER TABLE "actions" ADD CONSTRAINT "actions_ingest_key_id_ingest_keys_id_fk" FOREIGN KEY ("ingest_key_id") REFERENCES "public"."ingest_keys"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actions" ADD CONSTRAINT "actions_agent_id_agents_id_fk" FOREIGN KEY ("agent_id") REFERENCES "public"."agents"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "actions_idempotency_key" ON "actions" USING btree ("ingest_key_id","external_id","occurred_at");--> statement-breakpoint
CREATE INDEX "actions_timeline_idx" ON "actions" USING btree ("occurred_at","id");--> statement-breakpoint
CREATE INDEX "actions_agent_idx" ON "actions" USING btree ("agent_id","occurred_at","id");--> statement-breakpoint
CREATE INDEX "actions_kind_idx" ON "actions" USING btree ("kind","occurred_at","id");--> statement-breakpoint
CREATE INDEX "actions_sensitivity_idx" ON "actions" USING btree ("sensitivity","occurred_at","id");--> statement-breakpoint
CREATE INDEX "actions_outcome_idx" ON "actions" USING btree ("outcome","occurred_at","id");--> statement-breakpoint
CREATE INDEX "actions_on_behalf_of_idx" ON "actions" USING btree ("on_behalf_of","occurred_at","id");--> statement-breakpoint
CREATE INDEX "actions_human_idx" ON "actions" USING btree ("human_id","occurred_at");--> statement-breakpoint
CREATE INDEX "actions_target_idx" ON "actions" USING btree ("target_type","target_id");--> statement-breakpoint
CREATE INDEX "actions_approval_idx" ON "actions" USING btree ("approval_id") WHERE "actions"."approval_id" is not null;--> statement-breakpoint
CREATE INDEX "actions_trace_idx" ON "actions" USING btree ("trace_id","span_id") WHERE "actions"."trace_id" is not null;--> statement-breakpoint
-- Rows dated outside every month partition (a far past or future claim) land here.
CREATE TABLE "actions_default" PARTITION OF "actions" DEFAULT;--> statement-breakpoint
-- Creates the partition of one UTC month, moving any rows of that month out of the
-- default partition first. Serialised by an advisory lock: replicas may run it at once.
CREATE OR REPLACE FUNCTION tourniquet_ensure_action_partition(month_start date) RETURNS boolean LANGUAGE plpgsql AS $fn$
DECLARE
  first_day date := date_trunc('month', month_start)::date;
  partition_name text := 'actions_' || to_char(date_trunc('month', month_start), 'YYYY_MM');
  lower_bound timestamptz := first_day::timestamp AT TIME ZONE 'UTC';
  upper_bound timestamptz := (first_day + interval '1 month')::timestamp AT TIME ZONE 'UTC';
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('tourniquet_action_partitions'));
  IF EXISTS (SELECT 1 FROM pg_class WHERE relname = partition_name AND relnamespace = current_schema()::regnamespace) THEN
    RETURN false;
  END IF;
  EXECUTE format('CREATE TABLE %I (LIKE actions INCLUDING DEFAULTS)', partition_name);
  EXECUTE format('WITH moved AS (DELETE FROM actions_default WHERE occurred_at >= %L AND occurred_at < %L RETURNING *) INSERT INTO %I SELECT * FROM moved', lower_bound, upper_bound, partition_name);
  EXECUTE format('ALTER TABLE actions ATTACH PARTITION %I FOR VALUES FROM (%L) TO (%L)', partition_name, lower_bound, upper_bound);
  RETURN true;
END
$fn$;--> statement-breakpoint
SELECT tourniquet_ensure_action_partition(m::date) FROM generate_series(date_trunc('month', now() - interval '12 months'), date_trunc('month', now() + interval '3 months'), interval '1 month') AS m;--> statement-breakpoint
SELECT tourniquet_ensure_action_partition(m) FROM (
  SELECT DISTINCT date_trunc('month', occurred_at AT TIME ZONE 'UTC')::date AS m FROM actions_unpartitioned
  WHERE occurred_at > now() - interval '10 years' AND occurred_at < now() + interval '1 year'
) AS months;--> statement-breakpoint
INSERT INTO "actions" SELECT * FROM "actions_unpartitioned";--> statement-breakpoint
DROP TABLE "actions_unpartitioned";
