// SSF's own events about a stream (verification, stream-updated): the subject is the
// stream itself, and they go out whatever the receiver asked for in events_requested.
import type { Tx } from "@/db/client";
import { type Connector, deliveries } from "@/db/schema";
import { notifyOutbox } from "@/lib/connectors/enqueue-deliveries";
import { initialStatus } from "./containment-events";
import { issuerFallback } from "./issuer";
import { storedStream } from "./stream-config";

export async function enqueueStreamEvent(tx: Tx, connector: Connector, eventType: string, body: Record<string, unknown>): Promise<void> {
  const stream = storedStream(connector, issuerFallback());
  // A verification checks the path end to end, so it is sent even while the stream is paused.
  const status = stream.method === "poll" ? "available" : eventType.endsWith("/verification") ? "pending" : initialStatus(stream);
  await tx.insert(deliveries).values({
    connectorId: connector.id,
    eventType,
    status,
    payload: { sub_id: { format: "opaque", id: connector.id }, events: { [eventType]: body } },
  });
  await notifyOutbox(tx);
}
