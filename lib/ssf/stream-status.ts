// A stream's status (SSF 1.0 §8.1.2): enabled, paused (events are held) or disabled
// (events are dropped). Changing it releases or drops held events and tells the
// receiver with a stream-updated event.
import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import type { Db, Queryable } from "@/db/client";
import { connectors, deliveries } from "@/db/schema";
import { recordAuditEntry } from "@/lib/audit/record-audit-entry";
import type { Caller } from "@/lib/auth/caller";
import { SSF_STREAM_UPDATED } from "@/lib/connectors/vocabulary";
import { enqueueStreamEvent } from "./enqueue-stream-event";
import { issuerFallback } from "./issuer";
import { loadStream } from "./load-stream";
import { storedStream } from "./stream-config";
import type { updateStatusInput } from "./stream-fields";

export async function readStreamStatus(db: Queryable, caller: Caller, streamId: string) {
  const stream = storedStream(await loadStream(db, caller, streamId), issuerFallback());
  return { stream_id: streamId, status: stream.status, ...(stream.statusReason ? { reason: stream.statusReason } : {}) };
}

export async function updateStreamStatus(db: Db, caller: Caller, input: z.infer<typeof updateStatusInput>) {
  return db.transaction(async (tx) => {
    const current = await loadStream(tx, caller, input.stream_id, true);
    const previous = storedStream(current, issuerFallback());
    const stream = { ...previous, status: input.status, statusReason: input.reason ?? null };
    const [row] = await tx.update(connectors).set({ stream }).where(eq(connectors.id, current.id)).returning();
    if (!row) throw new Error("update returned no row");
    if (previous.status !== input.status) {
      const held = and(eq(deliveries.connectorId, current.id), eq(deliveries.status, "held"));
      if (input.status === "enabled") await tx.update(deliveries).set({ status: "pending", nextAttemptAt: new Date() }).where(held);
      if (input.status === "disabled") await tx.update(deliveries).set({ status: "failed", lastError: "the stream was disabled" }).where(held);
      if (input.status !== "disabled") {
        await enqueueStreamEvent(tx, row, SSF_STREAM_UPDATED, { status: input.status, ...(input.reason ? { reason: input.reason } : {}) });
      }
    }
    await recordAuditEntry(tx, caller, {
      action: "ssf_stream.status_changed",
      target: { type: "connector", id: current.id },
      before: { status: previous.status },
      after: { status: input.status, reason: input.reason ?? null },
    });
    return { stream_id: current.id, status: input.status, ...(input.reason ? { reason: input.reason } : {}) };
  });
}
