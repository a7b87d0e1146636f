// Changes other than actions (alerts, approvals, rules), for open streams and for
// approval requests waiting for an answer.
import { notificationHub } from "./notification-hub";
import { CHANGES_CHANNEL, type ChangeTopic, changeTopics } from "./publish-change";

export interface Change {
  topic: ChangeTopic;
  id: string | null;
}

function parse(payload: string): Change | null {
  try {
    const value = JSON.parse(payload) as { topic?: unknown; id?: unknown };
    if (!(changeTopics as readonly unknown[]).includes(value.topic)) return null;
    return { topic: value.topic as ChangeTopic, id: typeof value.id === "string" ? value.id : null };
  } catch {
    return null;
  }
}

/** Calls the subscriber with every committed change until the returned function is called. */
export function subscribeToChanges(subscriber: (change: Change) => void): Promise<() => void> {
  // After a lost connection, anything may have changed: every topic is refetched.
  return notificationHub(CHANGES_CHANNEL, parse, () => changeTopics.map((topic) => ({ topic, id: null }))).subscribe(subscriber);
}
