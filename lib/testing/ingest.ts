// Test fixtures for sending actions: an ingest key made through the real verb.
import type { Db } from "@/db/client";
import type { UnknownAgentPolicy } from "@/lib/actions/vocabulary";
import { type IngestKeyCaller, systemCaller } from "@/lib/auth/caller";
import { createIngestKey } from "@/lib/keys/create-ingest-key";

export async function createIngestCaller(db: Db, unknownAgents: UnknownAgentPolicy = "reject"): Promise<IngestKeyCaller & { key: string }> {
  const created = await createIngestKey(db, systemCaller("test"), { name: `source-${Date.now()}`, unknownAgents });
  return { type: "ingest_key", id: created.id, name: created.name, unknownAgents, key: created.key };
}

let counter = 0;
/** A valid action of the given agent; override any field. */
export function action(agent: string, fields: Record<string, unknown> = {}): Record<string, unknown> {
  counter += 1;
  return {
    id: `action-${counter}-${Date.now()}`,
    agent,
    occurredAt: new Date(Date.now() - 1000).toISOString(),
    kind: "tool_call",
    tool: "search",
    outcome: "allowed",
    summary: `test action ${counter}`,
    ...fields,
  };
}
