import type { Metadata } from "next";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageCaller } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Timeline" };

export default async function TimelinePage() {
  await requirePageCaller();
  return (
    <>
      <PageHeader title="Timeline" description="What every agent did, as it does it: tool calls, data reads, posts, permission changes." />
      <EmptyState title="No actions recorded yet">
        Actions sent to the ingest API or as OpenTelemetry spans stream in here live.
      </EmptyState>
    </>
  );
}
