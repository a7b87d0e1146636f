// The agents a person lets act on their behalf (an admin sees everyone's), with revoke.
import type { Metadata } from "next";
import { DelegationsList } from "@/components/oauth/delegations-list";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageCaller } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { listDelegations } from "@/lib/oauth/list-delegations";

export const metadata: Metadata = { title: "Delegations" };
export const dynamic = "force-dynamic";

export default async function DelegationsPage() {
  const caller = await requirePageCaller();
  const delegations = await listDelegations(await getDb(), caller);
  return (
    <>
      <PageHeader title="Delegations" description="Agents allowed to act on a person's behalf. Revoking one ends its tokens at once." />
      <DelegationsList initial={delegations} />
    </>
  );
}
