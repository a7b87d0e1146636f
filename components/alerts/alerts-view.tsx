"use client";
// The alerts view: what the rules noticed, as cases (most severe first), live, and
// honest about it: the connection state is the stream's, not a constant.
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import type { AlertList } from "@/lib/alerts/list-alerts";
import { useAlerts } from "@/lib/alerts/queries";
import { useLiveConnection } from "@/components/shell/live-connection";
import { AlertCases } from "./alert-cases";

const statusFilters = [
  { label: "Open", value: "open" },
  { label: "Acknowledged", value: "acknowledged" },
  { label: "Resolved", value: "resolved" },
  { label: "Dismissed", value: "dismissed" },
  { label: "All", value: "" },
];

export function AlertsView({ query, status, initial, canAct }: { query: string; status: string; initial: AlertList; canAct: boolean }) {
  const alerts = useAlerts(query, initial);
  const connection = useLiveConnection();
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
        <span className={`ml-auto text-xs ${connection === "offline" ? "font-medium text-danger" : "text-muted"}`} aria-live="polite" data-testid="alerts-connection">
          {connection === "offline"
            ? "Offline: these alerts may be out of date"
            : connection === "reconnecting"
              ? "Reconnecting…"
              : connection === "connecting"
                ? "Connecting…"
                : alerts.isFetching
                  ? "Live · updating…"
                  : "Live"}
        </span>
        <span className="w-full text-xs text-muted sm:w-auto">
          Keys: <kbd>j</kbd>/<kbd>k</kbd> move, <kbd>c</kbd> contain, <kbd>d</kbd> declare, <kbd>x</kbd> both, <kbd>a</kbd> acknowledge, <kbd>?</kbd> all
        </span>
      </div>
      {data.alerts.length ? (
        <AlertCases list={data} canAct={canAct} />
      ) : (
        <Card className="px-4">
          <EmptyState title={status === "open" ? "No alerts waiting" : "No alerts here"}>
            Rules watch every action as it arrives; tune them in Settings → Rules.
          </EmptyState>
        </Card>
      )}
    </>
  );
}
