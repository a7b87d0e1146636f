CREATE TABLE "ssf_receivers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"prefix" text NOT NULL,
	"secret_hash" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "connectors" ADD COLUMN "stream" jsonb;--> statement-breakpoint
ALTER TABLE "connectors" ADD COLUMN "receiver_id" uuid;--> statement-breakpoint
ALTER TABLE "deliveries" ADD COLUMN "error_code" text;--> statement-breakpoint
ALTER TABLE "deliveries" ADD COLUMN "error_description" text;--> statement-breakpoint
ALTER TABLE "deliveries" ADD COLUMN "credential_id" uuid;--> statement-breakpoint
ALTER TABLE "external_credentials" ADD COLUMN "connector_id" uuid;--> statement-breakpoint
ALTER TABLE "external_credentials" ADD COLUMN "secret_ciphertext" text;--> statement-breakpoint
ALTER TABLE "ssf_receivers" ADD CONSTRAINT "ssf_receivers_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "ssf_receivers_hash_key" ON "ssf_receivers" USING btree ("secret_hash");--> statement-breakpoint
ALTER TABLE "connectors" ADD CONSTRAINT "connectors_receiver_id_ssf_receivers_id_fk" FOREIGN KEY ("receiver_id") REFERENCES "public"."ssf_receivers"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deliveries" ADD CONSTRAINT "deliveries_credential_id_external_credentials_id_fk" FOREIGN KEY ("credential_id") REFERENCES "public"."external_credentials"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "external_credentials" ADD CONSTRAINT "external_credentials_connector_id_connectors_id_fk" FOREIGN KEY ("connector_id") REFERENCES "public"."connectors"("id") ON DELETE set null ON UPDATE no action;