CREATE TABLE "action_commits" (
	"seq" bigserial PRIMARY KEY NOT NULL,
	"action_ids" bigint[] NOT NULL,
	"last_action_id" bigint NOT NULL,
	"committed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "action_commits_last_action_idx" ON "action_commits" USING btree ("last_action_id");--> statement-breakpoint
CREATE INDEX "action_commits_committed_at_idx" ON "action_commits" USING btree ("committed_at");