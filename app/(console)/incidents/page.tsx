import type { Metadata } from "next";
import Link from "next/link";
import { IncidentStatusBadge, SeverityBadge } from "@/components/incidents/incident-badges";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/authorize";
import { requirePageCaller } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { formatUtc } from "@/lib/format-time";
import { incidentListQuery, listIncidents } from "@/lib/incidents/list-incidents";
import { incidentStatuses, severities } from "@/lib/incidents/vocabulary";
import { formatDuration } from "@/lib/reports/format-duration";

export const metadata: Metadata = { title: "Incidents" };

type Search = Promise<Record<string, string | string[] | undefined>>;

export default async function IncidentsPage({ searchParams }: { searchParams: Search }) {
  const caller = await requirePageCaller();
  const params = await searchParams;
  const parsed = incidentListQuery.safeParse({ status: params.status, severity: params.severity });
  const filter: { status?: string; severity?: string } = parsed.success ? parsed.data : {};
  const { incidents, medians } = await listIncidents(await getDb(), caller, { status: filter.status, severity: filter.severity });
  const link = (changes: Record<string, string | undefined>) => {
    const merged: Record<string, string | undefined> = { status: filter.status, severity: filter.severity, ...changes };
    const next = new URLSearchParams();
    for (const [key, value] of Object.entries(merged)) if (value) next.set(key, value);
    return `/incidents?${next}`;
  };
  const chip = (active: boolean) => `rounded-full px-2.5 py-1 text-xs ${active ? "bg-fg text-bg" : "bg-surface-2 hover:underline"}`;

  return (
    <>
      <PageHeader
        title="Incidents"
        description="Declare, contain and close incidents caused by agents; export the report."
        actions={
          can(caller, "incidents:act") ? (
            <Link href="/incidents/new" className="inline-flex h-10 items-center rounded-md bg-accent px-4 text-sm font-medium text-accent-fg hover:opacity-90">
              Declare incident
            </Link>
          ) : null
        }
      />
      <dl className="mb-5 grid grid-cols-3 gap-3 text-sm sm:max-w-xl">
        {[
          ["Median time to detect", medians.timeToDetectSeconds],
          ["Median time to contain", medians.timeToContainSeconds],
          ["Median time to resolve", medians.timeToResolveSeconds],
        ].map(([label, value]) => (
          <div key={label as string} className="rounded-lg border border-border bg-surface p-3">
            <dt className="text-xs text-muted">{label}</dt>
            <dd className="font-mono text-lg">{formatDuration(value as number | null)}</dd>
          </div>
        ))}
      </dl>
      <nav aria-label="Filter incidents" className="mb-4 flex flex-wrap gap-2">
        <Link href={link({ status: undefined })} className={chip(!filter.status)}>all statuses</Link>
        {incidentStatuses.map((status) => (
          <Link key={status} href={link({ status })} className={chip(filter.status === status)}>{status}</Link>
        ))}
        <span className="mx-1 text-muted">·</span>
        <Link href={link({ severity: undefined })} className={chip(!filter.severity)}>all severities</Link>
        {severities.map((severity) => (
          <Link key={severity} href={link({ severity })} className={chip(filter.severity === severity)}>{severity}</Link>
        ))}
      </nav>
      {incidents.length === 0 ? (
        <EmptyState title="No incidents">Nothing matches. Declared incidents are listed here, newest first.</EmptyState>
      ) : (
        <div role="region" aria-label="Incidents" tabIndex={0} className="overflow-x-auto rounded-lg border border-border bg-surface">
          <table className="w-full text-left text-sm">
            <thead className="border-b border-border text-xs uppercase tracking-wide text-muted">
              <tr>
                {["Incident", "Severity", "Status", "Commander", "Declared", "Time to contain"].map((label) => (
                  <th key={label} scope="col" className="px-4 py-2 font-medium">{label}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {incidents.map((incident) => (
                <tr key={incident.id} className="border-b border-border last:border-0 hover:bg-surface-2">
                  <td className="px-4 py-2">
                    <Link href={`/incidents/${incident.id}`} className="font-medium hover:underline">
                      <span className="font-mono text-xs text-muted">{incident.reference}</span> {incident.title}
                    </Link>
                  </td>
                  <td className="px-4 py-2"><SeverityBadge severity={incident.severity} /></td>
                  <td className="px-4 py-2"><IncidentStatusBadge status={incident.status} /></td>
                  <td className="px-4 py-2 text-xs">{incident.commander}</td>
                  <td className="px-4 py-2 text-xs text-muted">{formatUtc(incident.declaredAt)}</td>
                  <td className="px-4 py-2 font-mono text-xs">{formatDuration(incident.metrics.timeToContainSeconds)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
