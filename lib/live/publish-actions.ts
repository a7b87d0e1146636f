// Tells every server process that actions were stored. Sent inside the writing
// transaction, so listeners hear it only if and when the actions commit.
import { sql } from "drizzle-orm";
import type { Tx } from "@/db/client";

export const ACTIONS_CHANNEL = "tourniquet_actions";
// NOTIFY payloads are limited to 8000 bytes; ids travel in chunks well below that.
const IDS_PER_NOTIFICATION = 400;

export async function publishActions(tx: Tx, ids: number[]): Promise<void> {
  for (let start = 0; start < ids.length; start += IDS_PER_NOTIFICATION) {
    const payload = JSON.stringify(ids.slice(start, start + IDS_PER_NOTIFICATION));
    await tx.execute(sql`select pg_notify(${ACTIONS_CHANNEL}, ${payload})`);
  }
}
