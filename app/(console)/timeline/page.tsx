import type { Metadata } from "next";
import { Suspense } from "react";
import { TimelineView } from "@/components/timeline/timeline-view";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/authorize";
import { requirePageCaller } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Timeline" };

export default async function TimelinePage() {
  const caller = await requirePageCaller();
  return (
    <>
      <PageHeader
        title="Timeline"
        description="What every agent did, as it does it. Restricted data, denials and permission changes are highlighted."
      />
      <Suspense fallback={<p className="text-sm text-muted">Loading the timeline…</p>}>
        <TimelineView canContain={can(caller, "agents:act")} />
      </Suspense>
    </>
  );
}
