// Remembers on the ingest key what its last exports did (last accepted, last rejected
// and why, how many rejected), so a sender misconfigured into silence shows in Settings,
// and logs a rejection once per key per minute, so the server log says it without
// being flooded. A status update of the key's own row, not a caller's change: no audit entry.
import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { ingestKeys } from "@/db/schema";
import type { IngestKeyCaller } from "@/lib/auth/caller";

const LOG_EVERY_MS = 60_000;
const ACCEPTED_EVERY_MS = 5_000;
const lastLogged = new Map<string, number>();
// Busy senders would otherwise update their key's row on every export.
const lastAcceptedWrite = new Map<string, number>();

export async function recordExportOutcome(db: Db, caller: IngestKeyCaller, outcome: { accepted: number; rejected: number; reason?: string }): Promise<void> {
  const now = new Date();
  const reason = outcome.reason?.slice(0, 500);
  if (outcome.rejected > 0) {
    const last = lastLogged.get(caller.id) ?? 0;
    if (now.getTime() - last >= LOG_EVERY_MS) {
      lastLogged.set(caller.id, now.getTime());
      if (lastLogged.size > 10_000) lastLogged.clear();
      console.warn(`[ingest] key "${caller.name}" (${caller.id}): ${outcome.rejected} rejected: ${reason ?? "?"}`);
    }
  }
  if (outcome.rejected === 0) {
    if (outcome.accepted === 0 || now.getTime() - (lastAcceptedWrite.get(caller.id) ?? 0) < ACCEPTED_EVERY_MS) return;
    if (lastAcceptedWrite.size > 10_000) lastAcceptedWrite.clear();
    lastAcceptedWrite.set(caller.id, now.getTime());
  }
  await db
    .update(ingestKeys)
    .set({
      ...(outcome.accepted > 0 ? { lastAcceptedAt: now } : {}),
      ...(outcome.rejected > 0
        ? { lastRejectedAt: now, lastRejectionReason: reason ?? null, rejectedCount: sql`${ingestKeys.rejectedCount} + ${outcome.rejected}` }
        : {}),
    })
    .where(eq(ingestKeys.id, caller.id));
}
