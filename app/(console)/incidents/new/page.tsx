import type { Metadata } from "next";
import { DeclareIncidentForm } from "@/components/incidents/declare-incident-form";
import { PageHeader } from "@/components/ui/page-header";
import { listAgents } from "@/lib/agents/list-agents";
import { requirePageCaller } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { isUuid } from "@/lib/http/is-uuid";

export const metadata: Metadata = { title: "Declare incident" };

type Search = Promise<Record<string, string | string[] | undefined>>;

export default async function NewIncidentPage({ searchParams }: { searchParams: Search }) {
  const caller = await requirePageCaller("incidents:act");
  const params = await searchParams;
  const wanted = [params.agentId].flat().filter((id): id is string => typeof id === "string" && isUuid(id));
  const { agents } = await listAgents(await getDb(), caller, { pageSize: 200, sort: "name" });
  const options = agents.map((agent) => ({ id: agent.id, name: agent.name }));
  return (
    <>
      <PageHeader title="Declare an incident" description="Start the clock: who leads, how bad, which agents, since when." />
      <DeclareIncidentForm
        agents={options}
        preselected={options.filter((agent) => wanted.includes(agent.id))}
        startedAt={typeof params.startedAt === "string" ? params.startedAt : undefined}
        commander={caller.email}
      />
    </>
  );
}
