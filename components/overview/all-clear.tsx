"use client";
// "Nothing to respond to" is a promise: it shows only when no alert, no approval and no
// open incident waits. It reads the same live queries as the waiting card above it, so
// the two never disagree.
import type { AlertList } from "@/lib/alerts/list-alerts";
import { OVERVIEW_ALERTS } from "@/components/alerts/waiting-alerts";
import { useAlerts } from "@/lib/alerts/queries";
import type { ApprovalQueue } from "@/lib/approvals/list-approvals";
import { useApprovalQueue } from "@/lib/approvals/queries";

export function AllClear({ initialAlerts, initialApprovals, openIncidents }: { initialAlerts: AlertList; initialApprovals: ApprovalQueue; openIncidents: number }) {
  // The query string is the waiting card's, so both share one cache entry.
  const alerts = useAlerts(OVERVIEW_ALERTS, initialAlerts).data ?? initialAlerts;
  const approvals = useApprovalQueue(initialApprovals).data ?? initialApprovals;
  if (alerts.waiting.total || approvals.pending.length || openIncidents) return null;
  return (
    <p className="mb-6 rounded-lg border border-dashed border-border px-4 py-3 text-sm" data-testid="all-clear">
      <span className="font-semibold">Nothing to respond to.</span>{" "}
      <span className="text-muted">No alert, approval or open incident waits. When an agent misbehaves, it shows up here first.</span>
    </p>
  );
}
