// Tells every server process that actions were stored, and gives the batch its stream
// position. Must be the transaction's LAST statement: it takes a transaction-scoped
// lock that serializes positions with commits (a batch that got its position first
// also becomes visible first), so a reader that has seen position N has seen every
// position below it, and "after N" never skips a batch that committed late. The lock
// is held only from here to COMMIT, and nothing waits for another lock under it.
import { sql } from "drizzle-orm";
import type { Tx } from "@/db/client";

export const ACTIONS_CHANNEL = "tourniquet_actions";
// Any constant works; it only has to be the same for every replica.
const STREAM_POSITION_LOCK = 724_118_060;

export async function publishActions(tx: Tx, ids: number[]): Promise<void> {
  if (ids.length === 0) return;
  const sorted = [...ids].sort((a, b) => a - b);
  const last = sorted[sorted.length - 1];
  // One statement: the lock is taken before the position is drawn from its sequence.
  await tx.execute(sql`
    with locked as (select pg_advisory_xact_lock(${STREAM_POSITION_LOCK})),
    stored as (
      insert into action_commits (action_ids, last_action_id)
      select string_to_array(${sorted.join(",")}, ',')::bigint[], ${last} from locked
      returning seq
    )
    select pg_notify(${ACTIONS_CHANNEL}, seq::text) from stored`);
}
