// What the ingest verb receives for a scenario action: the action itself when the
// agent uses the batch API, or what the OTLP route maps its span to. The demo data
// stores exactly this, so seeded actions look like ones that arrived over the wire.
import { mapSpans } from "@/lib/actions/otlp/map-spans";
import { toOtlpRequest } from "./otlp-export";
import type { ScenarioAction } from "./scenario-types";

export function receivedForm(item: ScenarioAction, mcpAgents: ReadonlySet<string>): Record<string, unknown> {
  if (item.via === "api") return item.action;
  const [mapped] = mapSpans(toOtlpRequest([item.action], { mcpAgents })).actions;
  if (!mapped) throw new Error(`action ${item.action.id} did not map from its span`);
  return mapped;
}
