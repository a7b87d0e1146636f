import type { Containment } from "@/db/schema";

export interface PublicContainment {
  id: string;
  agentId: string;
  incidentId: string | null;
  reason: string;
  containedBy: string;
  startedAt: string;
  tokensRevoked: number;
  releasedAt: string | null;
  releasedBy: string | null;
  releaseReason: string | null;
}

export const toPublicContainment = (containment: Containment): PublicContainment => ({
  id: containment.id,
  agentId: containment.agentId,
  incidentId: containment.incidentId,
  reason: containment.reason,
  containedBy: containment.containedBy,
  startedAt: containment.startedAt.toISOString(),
  tokensRevoked: containment.tokensRevoked,
  releasedAt: containment.releasedAt?.toISOString() ?? null,
  releasedBy: containment.releasedBy,
  releaseReason: containment.releaseReason,
});
