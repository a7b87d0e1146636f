// An approval request as agents, the API and the console see it.
import type { Approval } from "@/db/schema";

export interface PublicApproval {
  id: string;
  status: "pending" | "approved" | "denied";
  /** True when nobody answered in time: it ended as denied. */
  expired: boolean;
  agent: { id: string; name: string | null; owner: string | null };
  action: { kind: string; tool: string | null; target: { type: string; id: string; uri: string | null; sensitivity: string | null } | null; summary: string };
  onBehalfOf: string | null;
  requestedAt: string;
  expiresAt: string;
  decidedAt: string | null;
  decidedBy: string | null;
  reason: string | null;
}

export const EXPIRY_DECIDER = "system:expiry";

export function toPublicApproval(approval: Approval, agent?: { name: string; owner: string } | null): PublicApproval {
  return {
    id: approval.id,
    status: approval.status,
    expired: approval.decidedBy === EXPIRY_DECIDER,
    agent: { id: approval.agentId, name: agent?.name ?? null, owner: agent?.owner ?? null },
    action: {
      kind: approval.kind,
      tool: approval.tool,
      target: approval.targetType && approval.targetId
        ? { type: approval.targetType, id: approval.targetId, uri: approval.targetUri, sensitivity: approval.sensitivity }
        : null,
      summary: approval.summary,
    },
    onBehalfOf: approval.onBehalfOf,
    requestedAt: approval.requestedAt.toISOString(),
    expiresAt: approval.expiresAt.toISOString(),
    decidedAt: approval.decidedAt?.toISOString() ?? null,
    decidedBy: approval.decidedBy,
    reason: approval.reason,
  };
}
