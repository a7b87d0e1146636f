// Stores a stretch of the demo's actions inside the installation transaction, row for
// row what lib/actions/ingest-actions.ts stores for an ingest key: validated with the
// same schema (actionInput), OTLP-reported ones as the OTLP route maps them, marked
// after-containment when their agent was contained by then.
//
// TODO(rules): this is the hook for detection rules. Once lib/rules runs inside the
// ingest verb, replace the insert below with
//   for (const chunk of chunks(received, MAX_BATCH)) await ingestActions(tx, source.caller, chunk);
// (source.caller is the IngestKeyCaller of the demo key, built in seed-demo-data.ts).
// seed-demo-data.ts already replays the story in order (actions up to the containment,
// the containment, then the rest), so rules see what they would have seen live; it
// must then stop inserting the shadow agent itself (resolveAgents registers it) and
// let ingestActions set agents' lastSeenAt.
import type { Tx } from "@/db/client";
import { actions } from "@/db/schema";
import { actionInput } from "@/lib/actions/action-input";
import { receivedForm } from "./received-form";
import type { ScenarioAction } from "./scenario-types";

export interface DemoSource {
  ingestKeyId: string;
  /** Agent name → id. */
  agentIds: ReadonlyMap<string, string>;
  mcpAgents: ReadonlySet<string>;
  /** The credential an agent's action names (its token's prefix), if any. */
  credentialOf(agentName: string, at: Date): string | undefined;
}

const CHUNK = 1000;

/** Stores the actions; returns each one's Tourniquet id (seq) by the sender's id. */
export async function storeDemoActions(tx: Tx, source: DemoSource, items: readonly ScenarioAction[], contained: ReadonlySet<string>): Promise<Map<string, number>> {
  const rows = items.map((item) => {
    const received = receivedForm(item, source.mcpAgents);
    const action = actionInput.parse(
      item.via === "api" && item.action.agent ? { credential: source.credentialOf(item.action.agent, new Date(item.at)), ...received } : received,
    );
    const isHuman = action.actor?.type === "human";
    const agentId = action.agent ? source.agentIds.get(action.agent) : undefined;
    if (action.agent && !agentId) throw new Error(`demo action ${action.id} names an agent that was not seeded: ${action.agent}`);
    return {
      ingestKeyId: source.ingestKeyId,
      externalId: action.id,
      actorType: isHuman ? ("human" as const) : ("agent" as const),
      agentId: agentId ?? null,
      humanId: isHuman ? (action.actor?.id ?? null) : null,
      occurredAt: action.occurredAt,
      // Senders batch: an action arrives a moment after it happened.
      receivedAt: new Date(action.occurredAt.getTime() + 800),
      kind: action.kind,
      tool: action.tool ?? null,
      targetType: action.target?.type ?? null,
      targetId: action.target?.id ?? null,
      targetUri: action.target?.uri ?? null,
      sensitivity: action.target?.sensitivity ?? null,
      onBehalfOf: action.onBehalfOf ?? null,
      credential: action.credential ?? null,
      outcome: action.outcome,
      summary: action.summary ?? null,
      attributes: action.attributes ?? null,
      traceId: action.traceId?.toLowerCase() ?? null,
      spanId: action.spanId?.toLowerCase() ?? null,
      afterContainment: agentId ? contained.has(agentId) : false,
    };
  });
  const seqs = new Map<string, number>();
  for (let start = 0; start < rows.length; start += CHUNK) {
    const stored = await tx.insert(actions).values(rows.slice(start, start + CHUNK)).returning({ id: actions.id, externalId: actions.externalId });
    for (const row of stored) seqs.set(row.externalId, row.id);
  }
  return seqs;
}
