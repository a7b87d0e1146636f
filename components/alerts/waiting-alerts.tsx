"use client";
// The overview's "what waits for a person": open alerts and pending approvals, live.
import Link from "next/link";
import { Card } from "@/components/ui/card";
import type { AlertList } from "@/lib/alerts/list-alerts";
import { useAlerts } from "@/lib/alerts/queries";
import type { ApprovalQueue } from "@/lib/approvals/list-approvals";
import { useApprovalQueue } from "@/lib/approvals/queries";
import { formatAgo } from "@/lib/format-time";
import { AlertSeverityBadge, ResponseBadge } from "./alert-badges";

export function WaitingAlerts({ initialAlerts, initialApprovals }: { initialAlerts: AlertList; initialApprovals: ApprovalQueue }) {
  const alerts = useAlerts("status=open&limit=5", initialAlerts).data ?? initialAlerts;
  const approvals = useApprovalQueue(initialApprovals).data ?? initialApprovals;
  const total = alerts.waiting.total;
  return (
    <Card className="mb-6 p-4" data-testid="waiting">
      <div className="mb-2 flex flex-wrap items-baseline justify-between gap-2">
        <h2 className="text-base font-semibold">
          <Link href="/alerts" className="hover:underline">
            Alerts waiting: <span className={total ? "text-danger" : ""} data-testid="alerts-waiting">{total}</span>
          </Link>
        </h2>
        <Link href="/approvals" className="text-sm hover:underline">
          Approvals waiting: <span className={approvals.pending.length ? "font-semibold text-danger" : ""}>{approvals.pending.length}</span>
        </Link>
      </div>
      {alerts.alerts.length ? (
        <ul className="divide-y divide-border text-sm">
          {alerts.alerts.map((alert) => (
            <li key={alert.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
              <Link href="/alerts" className="min-w-0 flex-1 truncate hover:underline">
                <span className="font-mono text-xs text-muted">ALR-{alert.number}</span> {alert.title}
              </Link>
              <span className="flex items-center gap-2 text-xs text-muted">
                <ResponseBadge response={alert.response} state={alert.responseState} incidentNumber={alert.incidentNumber} />
                <AlertSeverityBadge severity={alert.severity} /> {formatAgo(alert.lastSeenAt)}
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-muted">No alert waits for a person. Rules watch every action as it arrives.</p>
      )}
    </Card>
  );
}
