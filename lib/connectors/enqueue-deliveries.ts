// Writes what each active connector must be told into the outbox, in the caller's
// transaction: the event is durable exactly when the change it reports commits.
import { isNull, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { connectors, deliveries } from "@/db/schema";
import { issuerFallback } from "@/lib/ssf/issuer";
import { containmentEvents } from "@/lib/ssf/containment-events";
import { storedStream } from "@/lib/ssf/stream-config";

export const OUTBOX_CHANNEL = "tourniquet_outbox";

export interface AgentEvent {
  type: "agent.contained" | "agent.restored";
  agent: { id: string; name: string; owner: string; environment: string };
  containment: { id: string; reason: string; incidentId: string | null; by: string; at: string; tokensRevoked: number };
}

export async function enqueueDeliveries(tx: Tx, event: AgentEvent): Promise<number> {
  const targets = await tx.select().from(connectors).where(isNull(connectors.disabledAt));
  const rows = targets.flatMap((connector): (typeof deliveries.$inferInsert)[] => {
    const base = { connectorId: connector.id, agentId: event.agent.id, containmentId: event.containment.id };
    if (connector.kind === "webhook") {
      return [{ ...base, eventType: event.type, payload: { type: event.type, timestamp: event.containment.at, data: { ...event } } }];
    }
    if (connector.kind !== "caep" || event.type !== "agent.contained") return []; // CAEP has no event for a restore
    const stream = storedStream(connector, issuerFallback());
    return containmentEvents(stream, event, connector.stream === null).map((set) => ({ ...base, ...set }));
  });
  if (rows.length) {
    await tx.insert(deliveries).values(rows);
    // Wakes the outbox worker of every replica when this commits.
    await notifyOutbox(tx);
  }
  return rows.length;
}

export async function notifyOutbox(tx: Tx): Promise<void> {
  await tx.execute(sql`select pg_notify(${OUTBOX_CHANNEL}, '')`);
}
