import type { Metadata } from "next";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageCaller } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Agents" };

export default async function AgentsPage() {
  await requirePageCaller();
  return (
    <>
      <PageHeader title="Agents" description="Every AI agent, its accountable owner, its scopes and the credentials it holds." />
      <EmptyState title="No agents registered yet">
        Registered agents appear here with their live tokens, risk level and last activity.
      </EmptyState>
    </>
  );
}
