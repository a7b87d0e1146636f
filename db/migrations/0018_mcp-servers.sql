CREATE TABLE "mcp_servers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"url" text NOT NULL,
	"headers_ciphertext" text,
	"header_names" text[] DEFAULT '{}'::text[] NOT NULL,
	"default_policy" text DEFAULT 'allow' NOT NULL,
	"tools" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"capture" text DEFAULT 'hash' NOT NULL,
	"approval_timeout_seconds" integer DEFAULT 120 NOT NULL,
	"upstream_timeout_seconds" integer DEFAULT 30 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"disabled_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "mcp_servers" ADD CONSTRAINT "mcp_servers_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "mcp_servers_name_key" ON "mcp_servers" USING btree ("name");