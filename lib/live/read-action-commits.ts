// Reads committed batches of actions by stream position (lib/live/publish-actions.ts
// numbers them in commit order): the live hub's one source, and a reconnecting
// stream's catch-up.
import { asc, desc, eq, gt, inArray, lt } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { actionCommits, actions } from "@/db/schema";
import { withAgentNames } from "@/lib/actions/list-actions";
import type { PublicAction } from "@/lib/actions/public-action";

export interface ActionBatch {
  /** The batch's stream position. */
  position: number;
  /** The largest action seq in it: the SSE event id. */
  lastActionId: number;
  /** Newest first, as the timeline shows them. */
  actions: PublicAction[];
}

/** The latest position and its event id (both 0 when nothing was published yet). */
export async function latestPosition(db: Queryable): Promise<{ position: number; lastActionId: number }> {
  const [row] = await db
    .select({ position: actionCommits.seq, lastActionId: actionCommits.lastActionId })
    .from(actionCommits)
    .orderBy(desc(actionCommits.seq))
    .limit(1);
  return row ? { position: Number(row.position), lastActionId: Number(row.lastActionId) } : { position: 0, lastActionId: 0 };
}

/** The position of the batch a client last received (its Last-Event-ID), or null once it was trimmed. */
export async function positionOfEvent(db: Queryable, lastActionId: number): Promise<number | null> {
  if (lastActionId === 0) return 0;
  const [row] = await db
    .select({ position: actionCommits.seq })
    .from(actionCommits)
    .where(eq(actionCommits.lastActionId, lastActionId))
    .limit(1);
  return row ? Number(row.position) : null;
}

/** Batches after `position`, oldest first, at most `limit` of them. */
export async function readBatchesAfter(db: Queryable, position: number, limit: number): Promise<ActionBatch[]> {
  const commits = await db
    .select()
    .from(actionCommits)
    .where(gt(actionCommits.seq, position))
    .orderBy(asc(actionCommits.seq))
    .limit(limit);
  if (commits.length === 0) return [];
  const ids = commits.flatMap((commit) => commit.actionIds.map(Number));
  const rows = await db.select().from(actions).where(inArray(actions.id, ids));
  const byId = new Map((await withAgentNames(db, rows)).map((action) => [action.seq, action]));
  return commits.map((commit) => ({
    position: Number(commit.seq),
    lastActionId: Number(commit.lastActionId),
    actions: commit.actionIds
      .map((id) => byId.get(Number(id)))
      .filter((action): action is PublicAction => action !== undefined)
      .sort((a, b) => b.seq - a.seq),
  }));
}

/** Positions are a catch-up window, not history: the actions themselves stay. */
export async function trimActionCommits(db: Queryable, olderThan: Date): Promise<void> {
  await db.delete(actionCommits).where(lt(actionCommits.committedAt, olderThan));
}
