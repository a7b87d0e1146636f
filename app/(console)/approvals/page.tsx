import type { Metadata } from "next";
import { ApprovalsView } from "@/components/approvals/approvals-view";
import { PageHeader } from "@/components/ui/page-header";
import { listApprovals } from "@/lib/approvals/list-approvals";
import { can } from "@/lib/auth/authorize";
import { requirePageCaller } from "@/lib/auth/session";
import { getDb } from "@/lib/db";

export const metadata: Metadata = { title: "Approvals" };

export default async function ApprovalsPage() {
  const caller = await requirePageCaller();
  const initial = await listApprovals(await getDb(), caller);
  return (
    <>
      <PageHeader
        title="Approvals"
        description="Agents ask before high-risk actions (posting to shared places, changing permissions). The agent waits for your answer."
      />
      <ApprovalsView initial={initial} canDecideAll={can(caller, "approvals:decide")} email={caller.email} />
    </>
  );
}
