// The live stream's positions: one row per committed batch of actions, numbered in
// commit order (appends are serialized by a transaction-scoped lock taken as the last
// statement before COMMIT), so "everything after position N" never skips a batch that
// committed late. Kept for a few minutes: a reconnecting stream catches up from it.
import { bigint, bigserial, index, pgTable, timestamp, uniqueIndex } from "drizzle-orm/pg-core";

export const actionCommits = pgTable(
  "action_commits",
  {
    /** The stream position: increases in commit order. */
    seq: bigserial("seq", { mode: "number" }).primaryKey(),
    /** The actions stored by that commit (their `seq` in the public shape). */
    actionIds: bigint("action_ids", { mode: "number" }).array().notNull(),
    /** The largest of them: the SSE event id a client sends back as Last-Event-ID. */
    lastActionId: bigint("last_action_id", { mode: "number" }).notNull(),
    committedAt: timestamp("committed_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex("action_commits_last_action_idx").on(table.lastActionId),
    index("action_commits_committed_at_idx").on(table.committedAt),
  ],
);
