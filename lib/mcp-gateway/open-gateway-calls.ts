// Calls in progress through the gateway (held for approval or forwarded), each bound to
// its agent: when a change says the agent changed (a containment commits, on whichever
// replica), every call of that agent still open here re-reads the agent and, if it is no
// longer active, ends at once with an error instead of reaching the upstream.
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { agents } from "@/db/schema";
import type { SubscribeToChanges } from "@/lib/approvals/get-approval";

export class AgentNoLongerActive extends Error {
  constructor(readonly status: string) {
    super(`The agent is ${status === "suspended" ? "contained" : status}: its call was cut.`);
  }
}

export async function agentStatus(db: Db, agentId: string): Promise<string> {
  const [row] = await db.select({ status: agents.status }).from(agents).where(eq(agents.id, agentId));
  return row?.status ?? "retired";
}

/**
 * Watches the agent for the life of one call. The returned signal aborts (with an
 * AgentNoLongerActive reason) once the agent is contained, suspended or retired.
 */
export async function watchAgent(db: Db, agentId: string, subscribe: SubscribeToChanges): Promise<{ signal: AbortSignal; stop: () => void }> {
  const abort = new AbortController();
  const unsubscribe = await subscribe((change) => {
    if (change.topic !== "agents" || (change.id !== null && change.id !== agentId) || abort.signal.aborted) return;
    void agentStatus(db, agentId)
      .then((status) => {
        if (status !== "active") abort.abort(new AgentNoLongerActive(status));
      })
      .catch(() => {});
  });
  return { signal: abort.signal, stop: unsubscribe };
}
