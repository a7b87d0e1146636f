import { asc, isNull } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { connectors } from "@/db/schema";
import { authorize } from "@/lib/auth/authorize";
import type { Caller } from "@/lib/auth/caller";
import { type PublicConnector, toPublicConnector } from "./public-connector";

/** Every connector, for admins. */
export async function listConnectors(db: Queryable, caller: Caller): Promise<PublicConnector[]> {
  authorize(caller, "keys:manage");
  return (await db.select().from(connectors).orderBy(asc(connectors.name))).map(toPublicConnector);
}

/** The systems a containment will tell, for the confirmation a responder sees. */
export async function listActiveConnectorNames(db: Queryable, caller: Caller): Promise<{ name: string; kind: string }[]> {
  authorize(caller, "console:read");
  return db.select({ name: connectors.name, kind: connectors.kind }).from(connectors).where(isNull(connectors.disabledAt)).orderBy(asc(connectors.name));
}
