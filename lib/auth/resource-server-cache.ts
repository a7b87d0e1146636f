// Resource servers authenticate on every token check, so their credentials are kept in
// memory for a few seconds: a check is then one indexed read (the token), not two.
// A revocation tells every replica through the change channel and its entry goes at
// once; a lost LISTEN connection forgets everything; the short lifetime bounds what a
// lost notification could leave. Only servers started by prepareServer() use it, so
// tests and scripts that call the verbs with a database of their own read it each time.
import { subscribeToChanges } from "@/lib/live/change-hub";

export interface CachedResourceServer {
  id: string;
  name: string;
  secretHash: string;
}

/** How long an authenticated server is trusted without a read. */
export const RESOURCE_SERVER_CACHE_MS = 10_000;
// Only servers that authenticated are kept; a flood of made-up client ids never grows it.
const MAX_ENTRIES = 1_000;

interface Cache {
  listening: boolean;
  entries: Map<string, CachedResourceServer & { until: number }>;
}

const holder = globalThis as typeof globalThis & { __tourniquetResourceServerCache?: Cache };
const cache = (): Cache => (holder.__tourniquetResourceServerCache ??= { listening: false, entries: new Map() });

/** Starts trusting remembered credentials, once the revocations of every replica can be heard. */
export async function startResourceServerCache(): Promise<void> {
  const state = cache();
  if (state.listening) return;
  await subscribeToChanges((change) => {
    if (change.topic !== "resource_servers") return;
    // A change with no id is a reconnection: anything may have been revoked meanwhile.
    if (change.id === null) return state.entries.clear();
    for (const [clientId, entry] of state.entries) if (entry.id === change.id) state.entries.delete(clientId);
  });
  state.listening = true;
}

export function cachedResourceServer(clientId: string, now = Date.now()): CachedResourceServer | null {
  const state = cache();
  if (!state.listening) return null;
  const entry = state.entries.get(clientId);
  if (!entry) return null;
  if (entry.until <= now) {
    state.entries.delete(clientId);
    return null;
  }
  return entry;
}

export function rememberResourceServer(clientId: string, server: CachedResourceServer, now = Date.now()): void {
  const state = cache();
  if (!state.listening) return;
  if (state.entries.size >= MAX_ENTRIES) state.entries.delete(state.entries.keys().next().value as string);
  state.entries.set(clientId, { ...server, until: now + RESOURCE_SERVER_CACHE_MS });
}
