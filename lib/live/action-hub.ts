// New actions for open streams: each notification carries action ids; the hub reads
// those rows once and hands the public shapes to every subscriber.
import { inArray } from "drizzle-orm";
import { actions } from "@/db/schema";
import { withAgentNames } from "@/lib/actions/list-actions";
import type { PublicAction } from "@/lib/actions/public-action";
import { getDatabase } from "@/lib/db";
import { notificationHub } from "./notification-hub";
import { ACTIONS_CHANNEL } from "./publish-actions";

async function readActions(payload: string): Promise<PublicAction[] | null> {
  let ids: number[];
  try {
    ids = (JSON.parse(payload) as unknown[]).filter((id): id is number => Number.isSafeInteger(id));
  } catch {
    return null;
  }
  if (ids.length === 0) return null;
  const { db } = await getDatabase();
  const rows = await db.select().from(actions).where(inArray(actions.id, ids));
  return (await withAgentNames(db, rows)).sort((a, b) => b.seq - a.seq);
}

/** Calls the subscriber with every batch of new actions until the returned function is called. */
export function subscribeToActions(subscriber: (batch: PublicAction[]) => void): Promise<() => void> {
  return notificationHub(ACTIONS_CHANNEL, readActions).subscribe(subscriber);
}
