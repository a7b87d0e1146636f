// Writes what each active connector must be told into the outbox, in the caller's
// transaction: the event is durable exactly when the change it reports commits.
import { isNull, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { connectors, deliveries } from "@/db/schema";
import { CAEP_CREDENTIAL_CHANGE, CAEP_SESSION_REVOKED } from "./vocabulary";

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
    if (event.type !== "agent.contained") return []; // CAEP has no event for a restore
    const subject = { format: "opaque", id: event.agent.id };
    const eventTimestamp = Math.floor(new Date(event.containment.at).getTime() / 1000);
    const reason = { en: event.containment.reason };
    return [
      {
        ...base,
        eventType: CAEP_SESSION_REVOKED,
        payload: { [CAEP_SESSION_REVOKED]: { subject, event_timestamp: eventTimestamp, initiating_entity: "admin", reason_admin: reason } },
      },
      {
        ...base,
        eventType: CAEP_CREDENTIAL_CHANGE,
        payload: {
          [CAEP_CREDENTIAL_CHANGE]: {
            subject,
            event_timestamp: eventTimestamp,
            credential_type: "bearer",
            change_type: "revoke",
            initiating_entity: "admin",
            reason_admin: reason,
          },
        },
      },
    ];
  });
  if (rows.length) {
    await tx.insert(deliveries).values(rows);
    // Wakes the outbox worker of every replica when this commits.
    await tx.execute(sql`select pg_notify(${OUTBOX_CHANNEL}, '')`);
  }
  return rows.length;
}
