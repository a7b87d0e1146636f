// The SETs one containment sends on an SSF stream: CAEP session-revoked and
// credential-change about the agent, sharing one txn (the containment's id) so a
// receiver can tell they are one change. Claims other than iss, aud, iat and jti are
// fixed here, at the moment of the containment.
import type { DeliveryStatus } from "@/lib/connectors/vocabulary";
import { CAEP_CREDENTIAL_CHANGE, CAEP_SESSION_REVOKED } from "@/lib/connectors/vocabulary";
import type { StoredStream } from "./stream-config";
import { agentSubject, isExcluded } from "./subjects";

interface ContainedEvent {
  agent: { id: string; owner: string };
  containment: { id: string; reason: string; at: string };
}

export interface QueuedSet {
  eventType: string;
  status: DeliveryStatus;
  payload: Record<string, unknown>;
}

/** Where a new SET of this stream waits: fetched by the receiver, held while paused, or pushed. */
export function initialStatus(stream: StoredStream): DeliveryStatus {
  if (stream.method === "poll") return "available";
  return stream.status === "paused" ? "held" : "pending";
}

export function containmentEvents(stream: StoredStream, event: ContainedEvent, legacy: boolean): QueuedSet[] {
  if (stream.status === "disabled" || isExcluded(event.agent, stream.excludedSubjects)) return [];
  const subId = agentSubject(event.agent, stream.format, stream.iss);
  const common = {
    event_timestamp: Math.floor(new Date(event.containment.at).getTime() / 1000),
    initiating_entity: "admin",
    reason_admin: { en: event.containment.reason },
    // Receivers written before SSF 1.0's top-level sub_id read the subject here.
    ...(legacy ? { subject: subId } : {}),
  };
  const bodies: Record<string, Record<string, unknown>> = {
    [CAEP_SESSION_REVOKED]: common,
    // The agent's tokens are static bearer secrets; of CAEP 1.0's credential types,
    // "password" (a shared secret the holder presents) is the one that describes them.
    [CAEP_CREDENTIAL_CHANGE]: { ...common, credential_type: "password", change_type: "revoke", friendly_name: "Tourniquet agent tokens" },
  };
  return Object.entries(bodies)
    .filter(([type]) => stream.eventsRequested.includes(type))
    .map(([type, body]) => ({
      eventType: type,
      status: initialStatus(stream),
      payload: { sub_id: subId, txn: event.containment.id, events: { [type]: body } },
    }));
}
