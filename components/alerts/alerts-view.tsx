"use client";
// The alerts view: what the rules noticed, newest activity first, live.
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import type { AlertList } from "@/lib/alerts/list-alerts";
import { useAlerts } from "@/lib/alerts/queries";
import { AlertRow } from "./alert-row";

const statusFilters = [
  { label: "Open", value: "open" },
  { label: "Acknowledged", value: "acknowledged" },
  { label: "Resolved", value: "resolved" },
  { label: "Dismissed", value: "dismissed" },
  { label: "All", value: "" },
];

export function AlertsView({ query, status, initial, canAct }: { query: string; status: string; initial: AlertList; canAct: boolean }) {
  const alerts = useAlerts(query, initial);
  const data = alerts.data ?? initial;
  const chip = (active: boolean) => `rounded-full px-2.5 py-1 text-xs ${active ? "bg-fg text-bg" : "bg-surface-2 hover:underline"}`;
  return (
    <>
      <div className="mb-4 flex flex-wrap items-center gap-2" role="navigation" aria-label="Alert status">
        {statusFilters.map((filter) => (
          <Link key={filter.label} href={filter.value ? `/alerts?status=${filter.value}` : "/alerts?status="} className={chip(status === filter.value)} aria-current={status === filter.value ? "page" : undefined}>
            {filter.label}
            {filter.value === "open" ? ` (${data.waiting.total})` : ""}
          </Link>
        ))}
        <span className="ml-auto text-xs text-muted" aria-live="polite">
          {alerts.isFetching ? "Updating…" : "Live"}
        </span>
      </div>
      <Card className="px-4">
        {data.alerts.length ? (
          <ul className="divide-y divide-border">
            {data.alerts.map((alert) => (
              <AlertRow key={alert.id} alert={alert} canAct={canAct} />
            ))}
          </ul>
        ) : (
          <EmptyState title={status === "open" ? "No alerts waiting" : "No alerts here"}>
            Rules watch every action as it arrives; tune them in Settings → Rules.
          </EmptyState>
        )}
      </Card>
    </>
  );
}
