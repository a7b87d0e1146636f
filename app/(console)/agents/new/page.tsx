import type { Metadata } from "next";
import { AgentForm } from "@/components/agents/agent-form";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageCaller } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Register agent" };

export default async function NewAgentPage() {
  await requirePageCaller("agents:act");
  return (
    <>
      <PageHeader title="Register an agent" description="Who is accountable for it, what it may do, and where it runs." />
      <AgentForm />
    </>
  );
}
