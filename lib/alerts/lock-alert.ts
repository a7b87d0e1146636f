// Reads an alert for a change, holding its row until the transaction ends.
import { eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { type Alert, alerts } from "@/db/schema";
import { notFound } from "@/lib/errors";
import { isUuid } from "@/lib/http/is-uuid";

export async function lockAlert(tx: Tx, id: string): Promise<Alert> {
  if (!isUuid(id)) throw notFound("The alert");
  const [alert] = await tx.select().from(alerts).where(eq(alerts.id, id)).for("update");
  if (!alert) throw notFound("The alert");
  return alert;
}
