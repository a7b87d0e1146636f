// One LISTEN per server process, fanned out to every open stream in it. Each
// notification carries action ids; the hub reads those rows once and hands the
// public shapes to each subscriber.
import { inArray } from "drizzle-orm";
import { actions } from "@/db/schema";
import { withAgentNames } from "@/lib/actions/list-actions";
import type { PublicAction } from "@/lib/actions/public-action";
import { getDatabase } from "@/lib/db";
import { ACTIONS_CHANNEL } from "./publish-actions";

type Subscriber = (batch: PublicAction[]) => void;

interface Hub {
  subscribers: Set<Subscriber>;
  ready: Promise<void>;
}

const holder = globalThis as typeof globalThis & { __tourniquetActionHub?: Hub };

async function deliver(hub: Hub, payload: string): Promise<void> {
  let ids: number[];
  try {
    ids = (JSON.parse(payload) as unknown[]).filter((id): id is number => Number.isSafeInteger(id));
  } catch {
    return;
  }
  if (ids.length === 0 || hub.subscribers.size === 0) return;
  const { db } = await getDatabase();
  const rows = await db.select().from(actions).where(inArray(actions.id, ids));
  const batch = (await withAgentNames(db, rows)).sort((a, b) => b.seq - a.seq);
  for (const subscriber of hub.subscribers) subscriber(batch);
}

function hub(): Hub {
  if (!holder.__tourniquetActionHub) {
    const created: Hub = { subscribers: new Set(), ready: Promise.resolve() };
    created.ready = getDatabase()
      .then((database) => database.listen(ACTIONS_CHANNEL, (payload) => void deliver(created, payload).catch(() => {})))
      .then(() => undefined);
    holder.__tourniquetActionHub = created;
  }
  return holder.__tourniquetActionHub;
}

/** Calls the subscriber with every batch of new actions until the returned function is called. */
export async function subscribeToActions(subscriber: Subscriber): Promise<() => void> {
  const current = hub();
  await current.ready;
  current.subscribers.add(subscriber);
  return () => current.subscribers.delete(subscriber);
}
