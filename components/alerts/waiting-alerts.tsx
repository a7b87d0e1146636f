"use client";
// The overview's "what waits for a person": open alerts as cases (the keyboard
// works here as on the Alerts page) and pending approvals, live.
import Link from "next/link";
import { Card } from "@/components/ui/card";
import type { AlertList } from "@/lib/alerts/list-alerts";
import { useAlerts } from "@/lib/alerts/queries";
import type { ApprovalQueue } from "@/lib/approvals/list-approvals";
import { useApprovalQueue } from "@/lib/approvals/queries";
import { AlertCases } from "./alert-cases";

/** The overview lists this many open alerts, grouped, and shows the first few cases. */
export const OVERVIEW_ALERTS = "status=open&limit=50";
const OVERVIEW_CASES = 5;

export function WaitingAlerts({ initialAlerts, initialApprovals, canAct = false }: { initialAlerts: AlertList; initialApprovals: ApprovalQueue; canAct?: boolean }) {
  const alerts = useAlerts(OVERVIEW_ALERTS, initialAlerts).data ?? initialAlerts;
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
        <>
          <AlertCases list={alerts} canAct={canAct} compact limit={OVERVIEW_CASES} />
          {alerts.cases.length > OVERVIEW_CASES ? (
            <Link href="/alerts" className="mt-2 inline-block text-sm underline">
              {alerts.cases.length - OVERVIEW_CASES} more cases on the Alerts page
            </Link>
          ) : null}
        </>
      ) : (
        <p className="text-sm text-muted">No alert waits for a person. Rules watch every action as it arrives.</p>
      )}
    </Card>
  );
}
