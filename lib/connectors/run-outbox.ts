// Works through deliveries that are due. A worker first takes a lease on a few rows
// (SKIP LOCKED, so replicas never send the same one at once; if a process dies
// mid-send, the lease runs out and another retries), then sends, then records the
// outcome. Failures back off exponentially; a failed delivery never touches the
// containment it reports.
import { and, asc, eq, inArray, lte, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { connectors, deliveries } from "@/db/schema";
import { dispatchDelivery } from "./dispatch-delivery";
import type { AttemptResult } from "./send-delivery";

const LEASE_MS = 60_000;
export const MAX_ATTEMPTS = 12;

export function backoffMs(attempts: number): number {
  return Math.min(2 ** attempts * 1000, 3600_000);
}

export async function runOutbox(db: Db, limit = 20): Promise<{ attempted: number; delivered: number }> {
  const now = new Date();
  const claimed = await db.transaction(async (tx) => {
    const due = await tx
      .select({ id: deliveries.id })
      .from(deliveries)
      .where(and(inArray(deliveries.status, ["pending", "retrying"]), lte(deliveries.nextAttemptAt, now)))
      .orderBy(asc(deliveries.nextAttemptAt))
      .limit(limit)
      .for("update", { skipLocked: true });
    if (due.length === 0) return [];
    return tx
      .update(deliveries)
      .set({ attempts: sql`${deliveries.attempts} + 1`, nextAttemptAt: new Date(now.getTime() + LEASE_MS) })
      .where(inArray(deliveries.id, due.map((row) => row.id)))
      .returning();
  });

  let delivered = 0;
  await Promise.all(
    claimed.map(async (delivery) => {
      const [connector] = await db.select().from(connectors).where(eq(connectors.id, delivery.connectorId));
      const result: AttemptResult = connector?.disabledAt || !connector
        ? { ok: false, statusCode: null, error: "the connector was disabled" }
        : await dispatchDelivery(db, delivery, connector);
      if (result.ok) delivered += 1;
      // A permanent refusal (RFC 8935 err, a revocation that cannot succeed) is not retried.
      const giveUp = !result.ok && (delivery.attempts >= MAX_ATTEMPTS || result.error === "the connector was disabled" || result.permanent === true);
      const answer = { errorCode: result.errorCode ?? null, errorDescription: result.errorDescription ?? null };
      await db
        .update(deliveries)
        .set(
          result.ok
            ? { status: "delivered", deliveredAt: new Date(), lastStatusCode: result.statusCode, lastError: null, ...answer }
            : {
                ...answer,
                status: giveUp ? "failed" : "retrying",
                lastStatusCode: result.statusCode,
                lastError: result.error,
                nextAttemptAt: new Date(Date.now() + backoffMs(delivery.attempts)),
              },
        )
        .where(eq(deliveries.id, delivery.id));
    }),
  );
  return { attempted: claimed.length, delivered };
}
