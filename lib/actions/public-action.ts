// The JSON shape of a stored action, in the API, the live stream and the pages.
import type { Action } from "@/db/schema";
import type { ActionKind, ActorType, Outcome, Sensitivity } from "./vocabulary";

export interface PublicAction {
  /** Tourniquet's own id: unique, increasing with arrival; the stream and pages key on it. */
  seq: number;
  /** The sender's id (its idempotency key). */
  id: string;
  agent: string | null;
  agentName: string | null;
  actor: { type: ActorType; id: string };
  occurredAt: string;
  receivedAt: string;
  kind: ActionKind;
  tool: string | null;
  target: { type: string; id: string; uri: string | null; sensitivity: Sensitivity | null } | null;
  onBehalfOf: string | null;
  credential: string | null;
  outcome: Outcome;
  summary: string | null;
  attributes: Record<string, unknown> | null;
  traceId: string | null;
  spanId: string | null;
  parentSpanId: string | null;
  /** The approval request this action carried out, as the sender says. */
  approvalId: string | null;
  /** The agent was contained when this happened. */
  afterContainment: boolean;
  /** It reached us while the agent was contained, even if it claims an earlier time. */
  receivedAfterContainment: boolean;
}

export function toPublicAction(action: Action, agentName: string | null): PublicAction {
  return {
    seq: action.id,
    id: action.externalId,
    agent: action.agentId,
    agentName,
    actor:
      action.actorType === "human"
        ? { type: "human", id: action.humanId ?? "unknown" }
        : { type: "agent", id: action.agentId ?? "unknown" },
    occurredAt: action.occurredAt.toISOString(),
    receivedAt: action.receivedAt.toISOString(),
    kind: action.kind,
    tool: action.tool,
    target:
      action.targetType && action.targetId
        ? { type: action.targetType, id: action.targetId, uri: action.targetUri, sensitivity: action.sensitivity }
        : null,
    onBehalfOf: action.onBehalfOf,
    credential: action.credential,
    outcome: action.outcome,
    summary: action.summary,
    attributes: action.attributes,
    traceId: action.traceId,
    spanId: action.spanId,
    parentSpanId: action.parentSpanId,
    approvalId: action.approvalId,
    afterContainment: action.afterContainment,
    receivedAfterContainment: action.receivedAfterContainment,
  };
}
