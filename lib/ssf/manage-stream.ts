// Reading, updating (PATCH), replacing (PUT) and deleting a stream (SSF 1.0 §8.1.1).
import { and, eq, inArray } from "drizzle-orm";
import type { Db, Queryable } from "@/db/client";
import { connectors, deliveries } from "@/db/schema";
import { recordAuditEntry } from "@/lib/audit/record-audit-entry";
import type { Caller } from "@/lib/auth/caller";
import { openSecret, sealSecret } from "@/lib/connectors/secret-box";
import { storedFrom } from "./create-stream";
import { issuerFallback } from "./issuer";
import { loadStream, streamScope } from "./load-stream";
import { type StreamConfiguration, storedStream, toStreamConfiguration } from "./stream-config";
import type { CreateStreamInput, ReplaceStreamInput, UpdateStreamInput } from "./stream-fields";

export async function readStreams(db: Queryable, caller: Caller, streamId: string | null, iss: string): Promise<StreamConfiguration | StreamConfiguration[]> {
  if (streamId) return toStreamConfiguration(await loadStream(db, caller, streamId), iss);
  const rows = await db.select().from(connectors).where(streamScope(caller)).orderBy(connectors.createdAt);
  return rows.map((row) => toStreamConfiguration(row, iss));
}

/** PUT replaces every receiver-supplied member; PATCH changes only those sent. */
export async function changeStream(
  db: Db,
  caller: Caller,
  input: ReplaceStreamInput | UpdateStreamInput,
  mode: "replace" | "update",
  iss: string,
): Promise<StreamConfiguration> {
  return db.transaction(async (tx) => {
    const current = await loadStream(tx, caller, input.stream_id, true);
    const previous = storedStream(current, issuerFallback());
    const currentDelivery =
      previous.method === "poll"
        ? { method: "urn:ietf:rfc:8936" as const }
        : { method: "urn:ietf:rfc:8935" as const, endpoint_url: current.url, authorization_header: currentHeader(previous.ownAuthorizationHeader, openSecret(current.secretCiphertext)) };
    const merged: CreateStreamInput =
      mode === "replace"
        ? (input as ReplaceStreamInput)
        : {
            delivery: input.delivery ?? currentDelivery,
            events_requested: input.events_requested ?? previous.eventsRequested,
            description: input.description ?? previous.description ?? undefined,
            aud: input.aud ?? previous.aud,
            signing_alg: input.signing_alg ?? previous.alg,
            subject_format: input.subject_format ?? previous.format,
          };
    const { stream, url, header } = storedFrom(merged, current.id, iss, previous);
    const [row] = await tx
      .update(connectors)
      .set({ stream, url, secretCiphertext: sealSecret(header), name: merged.description ?? current.name })
      .where(eq(connectors.id, current.id))
      .returning();
    if (!row) throw new Error("update returned no row");
    await recordAuditEntry(tx, caller, {
      action: mode === "replace" ? "ssf_stream.replaced" : "ssf_stream.updated",
      target: { type: "connector", id: current.id },
      before: { method: previous.method, events: previous.eventsRequested, alg: previous.alg },
      after: { method: stream.method, events: stream.eventsRequested, alg: stream.alg },
    });
    return toStreamConfiguration(row, iss);
  });
}

export async function deleteStream(db: Db, caller: Caller, streamId: string): Promise<void> {
  await db.transaction(async (tx) => {
    const current = await loadStream(tx, caller, streamId, true);
    await tx.update(connectors).set({ disabledAt: new Date() }).where(eq(connectors.id, current.id));
    await tx
      .update(deliveries)
      .set({ status: "failed", lastError: "the stream was deleted" })
      .where(and(eq(deliveries.connectorId, current.id), inArray(deliveries.status, ["pending", "retrying", "available", "held"])));
    await recordAuditEntry(tx, caller, { action: "ssf_stream.deleted", target: { type: "connector", id: current.id }, after: { name: current.name } });
  });
}

/** A CAEP connector made in Settings holds a bearer secret; a stream holds the receiver's whole header. */
function currentHeader(own: boolean, secret: string): string | undefined {
  if (own) return secret || undefined;
  return `Bearer ${secret}`;
}
