// Works through deliveries that are due. A worker first takes a short lease on a few
// rows (SKIP LOCKED, so replicas never send the same one at once), renews it while the
// send is in flight, then records the outcome. If the process dies, its lease runs out
// within LEASE_MS and another worker retries: a receiver gets a delivery twice only
// when a send's outcome is truly unknown (the process died between sending and
// recording), and `webhook-id` stays the same so it can tell. Failures back off
// exponentially; a failed delivery never touches the containment it reports.
import { and, asc, eq, inArray, lte, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { connectors, deliveries, type Delivery } from "@/db/schema";
import { dispatchDelivery } from "./dispatch-delivery";
import type { AttemptResult } from "./send-delivery";

/** How long a claim holds without renewal: a crashed sender's deliveries are retried after this. */
export const LEASE_MS = 4_000;
const RENEW_MS = 1_000;
/** How long a worker keeps trying to record an outcome it knows before giving the delivery up to others. */
const RECORD_FOR_MS = 30_000;
export const MAX_ATTEMPTS = 12;

export function backoffMs(attempts: number): number {
  return Math.min(2 ** attempts * 1000, 3600_000);
}

const leaseEnd = sql.raw(`now() + interval '${LEASE_MS} milliseconds'`);
const inFlight = ["pending", "retrying"] as const;

/**
 * Takes due deliveries for this worker. The attempt count is the lease's fence: only
 * the worker whose claim set it may renew the lease or record the outcome.
 */
export async function claimDeliveries(db: Db, limit: number): Promise<Delivery[]> {
  return db.transaction(async (tx) => {
    const due = await tx
      .select({ id: deliveries.id })
      .from(deliveries)
      .where(and(inArray(deliveries.status, [...inFlight]), lte(deliveries.nextAttemptAt, sql`now()`)))
      .orderBy(asc(deliveries.nextAttemptAt))
      .limit(limit)
      .for("update", { skipLocked: true });
    if (due.length === 0) return [];
    return tx
      .update(deliveries)
      .set({ attempts: sql`${deliveries.attempts} + 1`, nextAttemptAt: leaseEnd })
      .where(inArray(deliveries.id, due.map((row) => row.id)))
      .returning();
  });
}

const mine = (delivery: Delivery) =>
  and(eq(deliveries.id, delivery.id), eq(deliveries.attempts, delivery.attempts), inArray(deliveries.status, [...inFlight]));

function holdLease(db: Db, delivery: Delivery): () => void {
  const timer = setInterval(() => {
    void db
      .update(deliveries)
      .set({ nextAttemptAt: leaseEnd })
      .where(mine(delivery))
      .catch(() => {}); // the database is away: the next renewal tries again
  }, RENEW_MS);
  timer.unref();
  return () => clearInterval(timer);
}

async function recordOutcome(db: Db, delivery: Delivery, result: AttemptResult): Promise<void> {
  // A permanent refusal (RFC 8935 err, a revocation that cannot succeed) is not retried.
  const giveUp = !result.ok && (delivery.attempts >= MAX_ATTEMPTS || result.error === "the connector was disabled" || result.permanent === true);
  const answer = { errorCode: result.errorCode ?? null, errorDescription: result.errorDescription ?? null };
  const outcome = result.ok
    ? { status: "delivered" as const, deliveredAt: new Date(), lastStatusCode: result.statusCode, lastError: null, ...answer }
    : {
        ...answer,
        status: giveUp ? ("failed" as const) : ("retrying" as const),
        lastStatusCode: result.statusCode,
        lastError: result.error,
        nextAttemptAt: new Date(Date.now() + backoffMs(delivery.attempts)),
      };
  // The outcome is known here; losing it would send the delivery again. Keep trying
  // (the lease is still renewed) while the database is briefly away.
  const deadline = Date.now() + RECORD_FOR_MS;
  for (let wait = 100; ; wait = Math.min(wait * 2, 2_000)) {
    try {
      await db.update(deliveries).set(outcome).where(mine(delivery));
      return;
    } catch (error) {
      if (Date.now() + wait > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }
}

export async function runOutbox(db: Db, limit = 20): Promise<{ attempted: number; delivered: number }> {
  const claimed = await claimDeliveries(db, limit);
  let delivered = 0;
  await Promise.all(
    claimed.map(async (delivery) => {
      const release = holdLease(db, delivery);
      try {
        const [connector] = await db.select().from(connectors).where(eq(connectors.id, delivery.connectorId));
        const result: AttemptResult = connector?.disabledAt || !connector
          ? { ok: false, statusCode: null, error: "the connector was disabled" }
          : await dispatchDelivery(db, delivery, connector);
        if (result.ok) delivered += 1;
        await recordOutcome(db, delivery, result);
      } finally {
        release();
      }
    }),
  );
  return { attempted: claimed.length, delivered };
}
