// Stores a stretch of the demo's actions inside the installation transaction, row for
// row what lib/actions/ingest-actions.ts stores for an ingest key: validated with the
// same schema (actionInput), OTLP-reported ones as the OTLP route maps them, marked
// after-containment when their agent was contained by then.
import type { Tx } from "@/db/client";
import { actionInput } from "@/lib/actions/action-input";
import { insertActionRows, type NewActionRow, toActionRow } from "@/lib/actions/insert-action-rows";
import type { IngestKeyCaller } from "@/lib/auth/caller";
import { receivedForm } from "./received-form";
import type { ScenarioAction } from "./scenario-types";

export interface DemoSource {
  /** The demo's ingest key, as the caller the ingest verb expects. */
  caller: IngestKeyCaller;
  /** Agent name → id. */
  agentIds: ReadonlyMap<string, string>;
  mcpAgents: ReadonlySet<string>;
  /** The credential an agent's action names (its token's prefix), if any. */
  credentialOf(agentName: string, at: Date): string | undefined;
}

const CHUNK = 1000;

/** Stores the actions, in order (their Tourniquet ids, seq, follow it). */
export async function storeDemoActions(tx: Tx, source: DemoSource, items: readonly ScenarioAction[], contained: ReadonlySet<string>): Promise<void> {
  // What the ingest verb receives: the action as sent, or its span as the OTLP route
  // maps it, with the credential (token prefix) a batch-API agent names.
  const received = items.map((item) => {
    const form = receivedForm(item, source.mcpAgents);
    return item.via === "api" && item.action.agent ? { credential: source.credentialOf(item.action.agent, new Date(item.at)), ...form } : form;
  });

  // Stored with the ingest verb's own insert, without the verb around it: the seed
  // runs the rules once over everything it stored afterwards (detect-demo-alerts.ts),
  // with the demo's own timestamps, which keeps a fresh start well under a second.
  const rows = received.map((form): NewActionRow => {
    const action = actionInput.parse(form);
    const agentId = action.agent ? source.agentIds.get(action.agent) : undefined;
    if (action.agent && !agentId) throw new Error(`demo action ${action.id} names an agent that was not seeded: ${action.agent}`);
    return toActionRow(action, {
      ingestKeyId: source.caller.id,
      agentId: agentId ?? null,
      afterContainment: agentId ? contained.has(agentId) : false,
      receivedAfterContainment: agentId ? contained.has(agentId) : false,
      // Senders batch: an action arrives a moment after it happened.
      receivedAt: new Date(action.occurredAt.getTime() + 800),
    });
  });
  // The ingest verb's own insert (one JSON parameter per chunk).
  for (let start = 0; start < rows.length; start += CHUNK) await insertActionRows(tx, rows.slice(start, start + CHUNK));
}
