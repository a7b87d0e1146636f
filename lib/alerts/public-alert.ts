// An alert as the API and the console show it.
import type { Alert } from "@/db/schema";

export interface PublicAlert {
  id: string;
  number: number;
  rule: string;
  severity: string;
  status: string;
  title: string;
  subject: string;
  agent: { id: string; name: string; status: string } | null;
  firstActionSeq: number | null;
  lastActionSeq: number | null;
  firstSeenAt: string;
  lastSeenAt: string;
  firings: number;
  response: string;
  responseState: string;
  responseError: string | null;
  incidentId: string | null;
  incidentNumber: number | null;
  containmentId: string | null;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
  dismissedAt: string | null;
  dismissedBy: string | null;
  dismissReason: string | null;
  createdAt: string;
}

export function toPublicAlert(
  alert: Alert,
  agent: { id: string; name: string; status: string } | null,
  incidentNumber: number | null = null,
): PublicAlert {
  return {
    id: alert.id,
    number: alert.number,
    rule: alert.ruleKey,
    severity: alert.severity,
    status: alert.status,
    title: alert.title,
    subject: alert.subject,
    agent,
    firstActionSeq: alert.firstActionId,
    lastActionSeq: alert.lastActionId,
    firstSeenAt: alert.firstSeenAt.toISOString(),
    lastSeenAt: alert.lastSeenAt.toISOString(),
    firings: alert.firings,
    response: alert.response,
    responseState: alert.responseState,
    responseError: alert.responseError,
    incidentId: alert.incidentId,
    incidentNumber,
    containmentId: alert.containmentId,
    acknowledgedAt: alert.acknowledgedAt?.toISOString() ?? null,
    acknowledgedBy: alert.acknowledgedBy,
    dismissedAt: alert.dismissedAt?.toISOString() ?? null,
    dismissedBy: alert.dismissedBy,
    dismissReason: alert.dismissReason,
    createdAt: alert.createdAt.toISOString(),
  };
}
