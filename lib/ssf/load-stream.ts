// Finds a stream the caller may manage: an SSF receiver sees only the streams it
// created; an admin (session or API key) sees every `caep` connector.
import { and, eq, isNull } from "drizzle-orm";
import type { Queryable, Tx } from "@/db/client";
import { type Connector, connectors } from "@/db/schema";
import { authorize } from "@/lib/auth/authorize";
import type { Caller } from "@/lib/auth/caller";
import { notFound } from "@/lib/errors";
import { isUuid } from "@/lib/http/is-uuid";

export function streamScope(caller: Caller) {
  authorize(caller, "streams:manage");
  const base = and(eq(connectors.kind, "caep"), isNull(connectors.disabledAt));
  return caller.type === "ssf_receiver" ? and(base, eq(connectors.receiverId, caller.id)) : base;
}

export async function loadStream(db: Queryable | Tx, caller: Caller, streamId: string, lock = false): Promise<Connector> {
  const scope = streamScope(caller);
  if (!isUuid(streamId)) throw notFound("The stream");
  const query = db.select().from(connectors).where(and(scope, eq(connectors.id, streamId)));
  const [stream] = lock ? await query.for("update") : await query;
  if (!stream) throw notFound("The stream");
  return stream;
}
