import type { Metadata } from "next";
import Link from "next/link";
import { AuditTable } from "@/components/audit/audit-table";
import { WaitingAlerts } from "@/components/alerts/waiting-alerts";
import { listAlerts } from "@/lib/alerts/list-alerts";
import { listApprovals } from "@/lib/approvals/list-approvals";
import { IncidentStatusBadge, SeverityBadge } from "@/components/incidents/incident-badges";
import { TARGET_SECONDS, TimeToContainChart } from "@/components/incidents/time-to-contain-chart";
import { AllClear } from "@/components/overview/all-clear";
import { KpiCard } from "@/components/overview/kpi-card";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { listAuditEntries } from "@/lib/audit/list-audit-entries";
import { can } from "@/lib/auth/authorize";
import { requirePageCaller } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { dashboardStats } from "@/lib/incidents/dashboard-stats";
import { median } from "@/lib/incidents/incident-metrics";
import { formatDuration } from "@/lib/reports/format-duration";
import { gatewayCoverage } from "@/lib/mcp-gateway/gateway-coverage";

export const metadata: Metadata = { title: "Overview" };

const steps = [
  { title: "Register your agents", body: "Each with its accountable owner, scopes and the credentials it holds.", href: "/agents" },
  { title: "Stream their actions", body: "Send actions or OpenTelemetry spans; the timeline shows them live.", href: "/timeline" },
  { title: "Rehearse the kill switch", body: "Contain an agent everywhere at once and watch every system acknowledge.", href: "/incidents" },
];

export default async function OverviewPage() {
  const caller = await requirePageCaller();
  const db = await getDb();
  const [{ entries }, stats, alerts, approvals, coverage] = await Promise.all([
    listAuditEntries(db, caller, { limit: 8 }),
    dashboardStats(db, caller),
    listAlerts(db, caller, { status: "open", limit: 50 }),
    listApprovals(db, caller),
    gatewayCoverage(db, caller),
  ]);
  const reportOnly = coverage.activeAgents - coverage.behindGateway;
  const open = stats.openIncidents;
  const investigating = open.filter((incident) => incident.status === "investigating").length;
  const medianToContain = median(stats.recent.map((item) => item.timeToContainSeconds));
  const contained = stats.recent.filter((item) => item.timeToContainSeconds !== null).length;
  return (
    <>
      <PageHeader title="Overview" description="What needs a responder now." />
      <WaitingAlerts initialAlerts={alerts} initialApprovals={approvals} canAct={can(caller, "incidents:act")} />
      <AllClear initialAlerts={alerts} initialApprovals={approvals} openIncidents={open.length} />
      <div className="mb-6 grid grid-cols-2 gap-3 md:grid-cols-4">
        <KpiCard
          label="Open incidents"
          value={open.length}
          alarming={open.length > 0}
          href="/incidents?status=investigating"
          context={open.length ? `${investigating} investigating, ${open.length - investigating} contained` : "None open"}
        />
        <KpiCard label="Agents contained" value={stats.containedAgents} href="/agents?status=suspended" context="Suspended until restored" />
        <KpiCard
          label="Median time to contain"
          value={formatDuration(medianToContain)}
          alarming={medianToContain !== null && medianToContain > TARGET_SECONDS}
          context={contained ? `Of the last ${contained} contained; target 1 min` : "None contained yet"}
        />
        {/* What the kill switch fully covers: a contained agent behind the gateway is cut
            mid-call; one that only reports can still reach its tools directly. */}
        <div data-testid="gateway-coverage-kpi" className="contents">
          <KpiCard
            label="Behind the MCP gateway"
            value={`${coverage.behindGateway} of ${coverage.activeAgents}`}
            href="/agents?status=active"
            context={
              coverage.activeAgents === 0
                ? "No active agents"
                : `active agents, calls in ${coverage.windowDays} days; ${reportOnly} ${reportOnly === 1 ? "reports" : "report"} only`
            }
          />
        </div>
      </div>
      <div className="mb-8 grid gap-4 lg:grid-cols-2">
        <Card className="min-w-0 p-4">
          <h2 className="mb-2 text-base font-semibold">Open incidents</h2>
          {open.length ? (
            <ul className="divide-y divide-border">
              {open.map((incident) => (
                <li key={incident.id} className="flex flex-wrap items-center justify-between gap-x-3 gap-y-1 py-2 text-sm">
                  <Link href={`/incidents/${incident.id}`} className="min-w-0 font-medium hover:underline">
                    <span className="font-mono text-xs text-muted">{incident.reference}</span> {incident.title}
                  </Link>
                  <span className="flex gap-2">
                    <SeverityBadge severity={incident.severity} />
                    <IncidentStatusBadge status={incident.status} />
                  </span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-sm text-muted">No open incidents.</p>
          )}
        </Card>
        <Card className="min-w-0 p-4">
          <h2 className="mb-2 text-base font-semibold">Time to contain, recent incidents</h2>
          {stats.recent.length ? <TimeToContainChart recent={stats.recent} /> : <p className="text-sm text-muted">No incidents yet.</p>}
        </Card>
      </div>
      <h2 className="mb-3 text-base font-semibold">Getting started</h2>
      <ol className="mb-8 grid gap-4 md:grid-cols-3">
        {steps.map((step, index) => (
          <li key={step.href}>
            <Link href={step.href} className="block h-full rounded-lg border border-border bg-surface p-4 hover:bg-surface-2">
              <span className="text-xs font-semibold text-muted">Step {index + 1}</span>
              <span className="mt-1 block font-medium">{step.title}</span>
              <span className="mt-1 block text-sm text-muted">{step.body}</span>
            </Link>
          </li>
        ))}
      </ol>
      <div className="mb-3 flex items-baseline justify-between">
        <h2 className="text-base font-semibold">Recent activity</h2>
        <Link href="/audit" className="text-sm underline">
          Full audit log
        </Link>
      </div>
      {entries.length ? <AuditTable entries={entries} /> : <p className="text-sm text-muted">No activity yet.</p>}
      {can(caller, "users:manage") ? (
        <p className="mt-6 text-sm text-muted">
          Add responders and viewers in <Link href="/settings" className="underline">Settings</Link>.
        </p>
      ) : null}
    </>
  );
}
