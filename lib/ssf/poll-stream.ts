// RFC 8936 poll delivery: the receiver acknowledges what it has (ack, or setErrs for
// SETs it rejected, whose err code is kept like a push rejection) and takes up to
// maxEvents more. A SET stays available until acknowledged, so a lost answer loses
// nothing; it is signed afresh each time it is handed out, with the same jti.
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { deliveries } from "@/db/schema";
import type { Caller } from "@/lib/auth/caller";
import { signSet } from "@/lib/connectors/send-delivery";
import { invalidInput } from "@/lib/errors";
import { isUuid } from "@/lib/http/is-uuid";
import { issuerFallback } from "./issuer";
import { loadStream } from "./load-stream";
import { storedStream } from "./stream-config";
import type { pollInput } from "./stream-fields";

const DEFAULT_MAX_EVENTS = 20;

export async function pollStream(db: Db, caller: Caller, streamId: string, input: z.infer<typeof pollInput>) {
  const connector = await loadStream(db, caller, streamId);
  if (storedStream(connector, issuerFallback()).method !== "poll") throw invalidInput("This stream delivers by push, not poll.");
  const mine = (ids: string[]) => and(eq(deliveries.connectorId, connector.id), eq(deliveries.status, "available"), inArray(deliveries.id, ids));
  const now = new Date();
  const acked = (input.ack ?? []).filter(isUuid);
  if (acked.length) await db.update(deliveries).set({ status: "delivered", deliveredAt: now, lastError: null }).where(mine(acked));
  for (const [jti, problem] of Object.entries(input.setErrs ?? {})) {
    if (!isUuid(jti)) continue;
    await db
      .update(deliveries)
      .set({ status: "failed", errorCode: problem.err, errorDescription: problem.description ?? null, lastError: `the receiver rejected the event (${problem.err})` })
      .where(mine([jti]));
  }
  const limit = input.maxEvents ?? DEFAULT_MAX_EVENTS;
  const waiting = await db
    .select()
    .from(deliveries)
    .where(and(eq(deliveries.connectorId, connector.id), eq(deliveries.status, "available")))
    .orderBy(asc(deliveries.createdAt))
    .limit(limit + 1);
  const handed = waiting.slice(0, limit);
  if (handed.length) {
    await db
      .update(deliveries)
      .set({ attempts: sql`${deliveries.attempts} + 1`, lastStatusCode: null })
      .where(inArray(deliveries.id, handed.map((delivery) => delivery.id)));
  }
  const sets: Record<string, string> = {};
  for (const delivery of handed) sets[delivery.id] = await signSet(db, delivery, connector);
  return { sets, moreAvailable: waiting.length > limit };
}
