// One LISTEN per server process and channel, fanned out to every subscriber in it:
// open streams, waiting approval requests. Kept on globalThis so every module graph
// of the process shares it.
import { getDatabase } from "@/lib/db";

export interface NotificationHub<T> {
  /** Calls the subscriber with every message until the returned function is called. */
  subscribe(subscriber: (message: T) => void): Promise<() => void>;
}

const holder = globalThis as typeof globalThis & { __tourniquetHubs?: Map<string, NotificationHub<unknown>> };

/**
 * The hub of a channel; `receive` turns a payload into messages (or nothing).
 * `missed` gives what to tell subscribers when the LISTEN came back after its
 * connection was lost: notifications sent meanwhile are gone.
 */
export function notificationHub<T>(
  channel: string,
  receive: (payload: string) => Promise<T | null> | T | null,
  missed: () => T[] = () => [],
): NotificationHub<T> {
  holder.__tourniquetHubs ??= new Map();
  const existing = holder.__tourniquetHubs.get(channel);
  if (existing) return existing as NotificationHub<T>;

  const subscribers = new Set<(message: T) => void>();
  let ready: Promise<void> | null = null;
  let listens = 0;
  const listen = () =>
    (ready ??= getDatabase()
      .then((database) =>
        database.listen(
          channel,
          (payload) => {
            if (subscribers.size === 0) return;
            void Promise.resolve(receive(payload))
              .then((message) => {
                if (message !== null) for (const subscriber of subscribers) subscriber(message);
              })
              .catch(() => {});
          },
          () => {
            if (listens++ === 0) return;
            for (const message of missed()) for (const subscriber of subscribers) subscriber(message);
          },
        ),
      )
      .then(() => undefined)
      // A failed LISTEN is tried again by the next subscriber, not cached for the process's life.
      .catch((error: unknown) => {
        ready = null;
        throw error;
      }));
  const hub: NotificationHub<T> = {
    async subscribe(subscriber) {
      await listen();
      subscribers.add(subscriber);
      return () => {
        subscribers.delete(subscriber);
      };
    },
  };
  holder.__tourniquetHubs.set(channel, hub as NotificationHub<unknown>);
  return hub;
}
