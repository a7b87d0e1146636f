import type { Metadata } from "next";
import { AgentForm } from "@/components/agents/agent-form";
import { PageHeader } from "@/components/ui/page-header";
import { loadAgentOr404 } from "@/lib/agents/load-agent-or-404";
import { requirePageCaller } from "@/lib/auth/session";
import { getDb } from "@/lib/db";

export const metadata: Metadata = { title: "Edit agent" };

export default async function EditAgentPage({ params }: { params: Promise<{ id: string }> }) {
  const caller = await requirePageCaller("agents:act");
  const agent = await loadAgentOr404(await getDb(), caller, (await params).id);
  return (
    <>
      <PageHeader title={`Edit ${agent.name}`} />
      <AgentForm agent={agent} />
    </>
  );
}
