// An admin stops telling a system; undelivered events to it are marked failed.
import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { connectors, deliveries } from "@/db/schema";
import { recordAuditEntry } from "@/lib/audit/record-audit-entry";
import { authorize } from "@/lib/auth/authorize";
import type { Caller } from "@/lib/auth/caller";
import { notFound } from "@/lib/errors";
import { isUuid } from "@/lib/http/is-uuid";

export async function disableConnector(db: Db, caller: Caller, connectorId: string): Promise<void> {
  authorize(caller, "keys:manage");
  if (!isUuid(connectorId)) throw notFound("The connector");
  await db.transaction(async (tx) => {
    const [connector] = await tx.select().from(connectors).where(eq(connectors.id, connectorId)).for("update");
    if (!connector) throw notFound("The connector");
    if (connector.disabledAt) return;
    await tx.update(connectors).set({ disabledAt: new Date() }).where(and(eq(connectors.id, connectorId), isNull(connectors.disabledAt)));
    await tx
      .update(deliveries)
      .set({ status: "failed", lastError: "the connector was disabled" })
      .where(and(eq(deliveries.connectorId, connectorId), inArray(deliveries.status, ["pending", "retrying", "available", "held"])));
    await recordAuditEntry(tx, caller, { action: "connector.disabled", target: { type: "connector", id: connectorId }, after: { name: connector.name } });
  });
}
