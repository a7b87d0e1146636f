// One LISTEN per server process for changes other than actions (alerts, approvals,
// rules), fanned out to open streams and to approval requests waiting for an answer.
import { getDatabase } from "@/lib/db";
import { CHANGES_CHANNEL, type ChangeTopic, changeTopics } from "./publish-change";

export interface Change {
  topic: ChangeTopic;
  id: string | null;
}
type Subscriber = (change: Change) => void;

interface Hub {
  subscribers: Set<Subscriber>;
  ready: Promise<void>;
}

const holder = globalThis as typeof globalThis & { __tourniquetChangeHub?: Hub };

function parse(payload: string): Change | null {
  try {
    const value = JSON.parse(payload) as { topic?: unknown; id?: unknown };
    if (!(changeTopics as readonly unknown[]).includes(value.topic)) return null;
    return { topic: value.topic as ChangeTopic, id: typeof value.id === "string" ? value.id : null };
  } catch {
    return null;
  }
}

function hub(): Hub {
  if (!holder.__tourniquetChangeHub) {
    const created: Hub = { subscribers: new Set(), ready: Promise.resolve() };
    created.ready = getDatabase()
      .then((database) =>
        database.listen(CHANGES_CHANNEL, (payload) => {
          const change = parse(payload);
          if (change) for (const subscriber of created.subscribers) subscriber(change);
        }),
      )
      .then(() => undefined);
    holder.__tourniquetChangeHub = created;
  }
  return holder.__tourniquetChangeHub;
}

/** Calls the subscriber with every committed change until the returned function is called. */
export async function subscribeToChanges(subscriber: Subscriber): Promise<() => void> {
  const current = hub();
  await current.ready;
  current.subscribers.add(subscriber);
  return () => current.subscribers.delete(subscriber);
}
