import type { Metadata } from "next";
import { AlertsView } from "@/components/alerts/alerts-view";
import { PageHeader } from "@/components/ui/page-header";
import { alertFilterInput, listAlerts } from "@/lib/alerts/list-alerts";
import { can } from "@/lib/auth/authorize";
import { requirePageCaller } from "@/lib/auth/session";
import { getDb } from "@/lib/db";

export const metadata: Metadata = { title: "Alerts" };

type Search = Promise<Record<string, string | string[] | undefined>>;

export default async function AlertsPage({ searchParams }: { searchParams: Search }) {
  const caller = await requirePageCaller();
  const params = await searchParams;
  // No status in the URL means what waits for a person; an empty one means all.
  const status = typeof params.status === "string" ? params.status : "open";
  const parsed = alertFilterInput.safeParse({ status: status || undefined, rule: params.rule, severity: params.severity, agentId: params.agentId });
  const filter = parsed.success ? parsed.data : alertFilterInput.parse({ status: "open" });
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) if (value !== undefined && key !== "limit") query.set(key, String(value));
  const initial = await listAlerts(await getDb(), caller, filter);
  return (
    <>
      <PageHeader title="Alerts" description="What the rules noticed, as it happens. Acknowledge, dismiss with a reason, declare an incident, or contain the agent." />
      <AlertsView query={query.toString()} status={filter.status ?? ""} initial={initial} canAct={can(caller, "incidents:act")} />
    </>
  );
}
