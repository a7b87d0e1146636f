import type { Metadata } from "next";
import Link from "next/link";
import { AuditTable } from "@/components/audit/audit-table";
import { WaitingAlerts } from "@/components/alerts/waiting-alerts";
import { listAlerts } from "@/lib/alerts/list-alerts";
import { listApprovals } from "@/lib/approvals/list-approvals";
import { IncidentStatusBadge, SeverityBadge } from "@/components/incidents/incident-badges";
import { TimeToContainChart } from "@/components/incidents/time-to-contain-chart";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { listAuditEntries } from "@/lib/audit/list-audit-entries";
import { can } from "@/lib/auth/authorize";
import { requirePageCaller } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { dashboardStats } from "@/lib/incidents/dashboard-stats";

export const metadata: Metadata = { title: "Overview" };

const steps = [
  { title: "Register your agents", body: "Each with its accountable owner, scopes and the credentials it holds.", href: "/agents" },
  { title: "Stream their actions", body: "Send actions or OpenTelemetry spans; the timeline shows them live.", href: "/timeline" },
  { title: "Rehearse the kill switch", body: "Contain an agent everywhere at once and watch every system acknowledge.", href: "/incidents" },
];

export default async function OverviewPage() {
  const caller = await requirePageCaller();
  const db = await getDb();
  const [{ entries }, stats, alerts, approvals] = await Promise.all([
    listAuditEntries(db, caller, { limit: 8 }),
    dashboardStats(db, caller),
    listAlerts(db, caller, { status: "open", limit: 5 }),
    listApprovals(db, caller),
  ]);
  return (
    <>
      <PageHeader title="Overview" description="What needs a responder now." />
      <WaitingAlerts initialAlerts={alerts} initialApprovals={approvals} />
      <div className="mb-6 grid gap-3 sm:grid-cols-3">
        <Link href="/incidents?status=investigating" className="rounded-lg border border-border bg-surface p-4 hover:bg-surface-2">
          <p className="text-xs text-muted">Open incidents</p>
          <p className={`text-3xl font-semibold ${stats.openIncidents.length ? "text-danger" : ""}`}>{stats.openIncidents.length}</p>
        </Link>
        <Link href="/agents?status=suspended" className="rounded-lg border border-border bg-surface p-4 hover:bg-surface-2">
          <p className="text-xs text-muted">Agents contained</p>
          <p className="text-3xl font-semibold">{stats.containedAgents}</p>
        </Link>
        <div className="rounded-lg border border-border bg-surface p-4">
          <p className="text-xs text-muted">Time to contain, recent incidents</p>
          {stats.recent.length ? <TimeToContainChart recent={stats.recent} /> : <p className="text-sm text-muted">No incidents yet.</p>}
        </div>
      </div>
      {stats.openIncidents.length ? (
        <Card className="mb-8 p-4">
          <h2 className="mb-2 text-base font-semibold">Open incidents</h2>
          <ul className="divide-y divide-border">
            {stats.openIncidents.map((incident) => (
              <li key={incident.id} className="flex items-center justify-between gap-3 py-2 text-sm">
                <Link href={`/incidents/${incident.id}`} className="font-medium hover:underline">
                  <span className="font-mono text-xs text-muted">{incident.reference}</span> {incident.title}
                </Link>
                <span className="flex gap-2">
                  <SeverityBadge severity={incident.severity} />
                  <IncidentStatusBadge status={incident.status} />
                </span>
              </li>
            ))}
          </ul>
        </Card>
      ) : (
        <Card className="mb-8 p-2">
          <EmptyState title="Nothing to respond to">No open incidents. When an agent misbehaves, it shows up here first.</EmptyState>
        </Card>
      )}
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
