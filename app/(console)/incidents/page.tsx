import type { Metadata } from "next";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageCaller } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Incidents" };

export default async function IncidentsPage() {
  await requirePageCaller();
  return (
    <>
      <PageHeader title="Incidents" description="Declare, contain and close incidents caused by agents; export the report." />
      <EmptyState title="No incidents">Nothing has been declared. Open incidents are listed here by severity.</EmptyState>
    </>
  );
}
