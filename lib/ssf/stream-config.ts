// What Tourniquet keeps about an SSF stream (a `caep` connector), and the stream
// configuration object SSF 1.0 §8.1.1 shows receivers.
import type { Connector } from "@/db/schema";
import { CAEP_CREDENTIAL_CHANGE, CAEP_SESSION_REVOKED, SSF_STREAM_UPDATED, SSF_VERIFICATION } from "@/lib/connectors/vocabulary";

export const PUSH = "urn:ietf:rfc:8935";
export const POLL = "urn:ietf:rfc:8936";
export const streamStatuses = ["enabled", "paused", "disabled"] as const;
export type StreamStatus = (typeof streamStatuses)[number];
export const signingAlgs = ["ES256", "RS256"] as const;
export type SigningAlg = (typeof signingAlgs)[number];
/** How a SET names the agent: an opaque id, or iss_sub; either inside a complex subject with the owner's email. */
export const subjectFormats = ["complex", "iss_sub", "opaque"] as const;
export type SubjectFormat = (typeof subjectFormats)[number];

export const EVENTS_SUPPORTED = [CAEP_SESSION_REVOKED, CAEP_CREDENTIAL_CHANGE, SSF_VERIFICATION, SSF_STREAM_UPDATED];

export interface StoredStream {
  method: "push" | "poll";
  /** The issuer the stream was created under: every SET and iss_sub subject uses it. */
  iss: string;
  aud: string;
  eventsRequested: string[];
  description: string | null;
  alg: SigningAlg;
  format: SubjectFormat;
  status: StreamStatus;
  statusReason: string | null;
  /** True when secretCiphertext holds the receiver's whole Authorization header value. */
  ownAuthorizationHeader: boolean;
  /** Subjects removed from the stream (SSF default_subjects is ALL), as "format:value" keys. */
  excludedSubjects: string[];
}

/** Legacy `caep` connectors (before SSF streams) read as push streams to their URL. */
export function storedStream(connector: Connector, fallbackIss: string): StoredStream {
  return (
    connector.stream ?? {
      method: "push",
      iss: fallbackIss,
      aud: connector.url,
      eventsRequested: [CAEP_SESSION_REVOKED, CAEP_CREDENTIAL_CHANGE],
      description: null,
      alg: "ES256",
      format: "opaque",
      status: "enabled",
      statusReason: null,
      ownAuthorizationHeader: false,
      excludedSubjects: [],
    }
  );
}

export function eventsDelivered(stream: StoredStream): string[] {
  return EVENTS_SUPPORTED.filter((type) => stream.eventsRequested.includes(type));
}

export function pollEndpoint(iss: string, streamId: string): string {
  return `${iss}/api/ssf/poll/${streamId}`;
}

/** SSF 1.0 §8.1.1 stream configuration as a receiver reads it. */
export function toStreamConfiguration(connector: Connector, fallbackIss: string) {
  const stream = storedStream(connector, fallbackIss);
  return {
    stream_id: connector.id,
    iss: stream.iss,
    aud: stream.aud,
    events_supported: EVENTS_SUPPORTED,
    events_requested: stream.eventsRequested,
    events_delivered: eventsDelivered(stream),
    delivery:
      stream.method === "poll"
        ? { method: POLL, endpoint_url: pollEndpoint(stream.iss, connector.id) }
        : { method: PUSH, endpoint_url: connector.url },
    min_verification_interval: 0,
    description: stream.description ?? connector.name,
    // Not SSF: how Tourniquet signs and names subjects on this stream (settable on create/update).
    signing_alg: stream.alg,
    subject_format: stream.format,
  };
}
export type StreamConfiguration = ReturnType<typeof toStreamConfiguration>;
