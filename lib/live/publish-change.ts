// Tells every open console that something other than actions changed (an alert, an
// approval, a rule), so it refetches that topic. Sent inside the writing transaction:
// listeners hear it only when the change commits.
import { sql } from "drizzle-orm";
import type { Tx } from "@/db/client";

export const CHANGES_CHANNEL = "tourniquet_changes";
export const changeTopics = ["alerts", "approvals", "rules", "incidents", "agents", "sessions", "resource_servers"] as const;
export type ChangeTopic = (typeof changeTopics)[number];

export async function publishChange(tx: Tx, topic: ChangeTopic, id?: string): Promise<void> {
  await tx.execute(sql`select pg_notify(${CHANGES_CHANNEL}, ${JSON.stringify({ topic, id: id ?? null })})`);
}
