// A receiver (or an admin) creates a stream through the configuration endpoint. Push
// streams send to the receiver's endpoint with the Authorization header it chose;
// poll streams wait at Tourniquet's poll endpoint for it.
import { randomUUID } from "node:crypto";
import type { Db } from "@/db/client";
import { connectors } from "@/db/schema";
import { recordAuditEntry } from "@/lib/audit/record-audit-entry";
import { authorize } from "@/lib/auth/authorize";
import type { Caller } from "@/lib/auth/caller";
import { sealSecret } from "@/lib/connectors/secret-box";
import { CAEP_CREDENTIAL_CHANGE, CAEP_SESSION_REVOKED } from "@/lib/connectors/vocabulary";
import { POLL, type StoredStream, type StreamConfiguration, pollEndpoint, toStreamConfiguration } from "./stream-config";
import type { CreateStreamInput } from "./stream-fields";

/** The stored form of a configuration the receiver sent (create or replace). */
export function storedFrom(input: CreateStreamInput, streamId: string, iss: string, previous?: StoredStream): { stream: StoredStream; url: string; header: string } {
  const delivery = input.delivery;
  const poll = delivery.method === POLL;
  const url = delivery.method === POLL ? pollEndpoint(previous?.iss ?? iss, streamId) : delivery.endpoint_url;
  const header = delivery.method === POLL ? "" : (delivery.authorization_header ?? "");
  return {
    url,
    header,
    stream: {
      method: poll ? "poll" : "push",
      iss: previous?.iss ?? iss,
      aud: input.aud ?? (poll ? `urn:tourniquet:ssf:stream:${streamId}` : url),
      eventsRequested: input.events_requested ?? [CAEP_SESSION_REVOKED, CAEP_CREDENTIAL_CHANGE],
      description: input.description ?? null,
      alg: input.signing_alg ?? "ES256",
      format: input.subject_format ?? "complex",
      status: previous?.status ?? "enabled",
      statusReason: previous?.statusReason ?? null,
      ownAuthorizationHeader: true,
      excludedSubjects: previous?.excludedSubjects ?? [],
    },
  };
}

export async function createStream(db: Db, caller: Caller, input: CreateStreamInput, iss: string): Promise<StreamConfiguration> {
  authorize(caller, "streams:manage");
  const id = randomUUID();
  const { stream, url, header } = storedFrom(input, id, iss);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(connectors)
      .values({
        id,
        name: input.description ?? `SSF stream (${caller.type === "ssf_receiver" ? caller.name : "admin"})`,
        kind: "caep",
        url,
        secretCiphertext: sealSecret(header),
        secretPrefix: "",
        createdBy: caller.type === "user" ? caller.id : null,
        receiverId: caller.type === "ssf_receiver" ? caller.id : null,
        stream,
      })
      .returning();
    if (!row) throw new Error("insert returned no row");
    await recordAuditEntry(tx, caller, {
      action: "ssf_stream.created",
      target: { type: "connector", id },
      after: { method: stream.method, endpoint: stream.method === "push" ? new URL(url).origin : null, events: stream.eventsRequested, alg: stream.alg },
    });
    return toStreamConfiguration(row, iss);
  });
}
