import type { Metadata } from "next";
import Link from "next/link";
import { InventoryFilters } from "@/components/agents/inventory-filters";
import { BulkContainButton } from "@/components/containment/bulk-contain-button";
import { InventoryTable } from "@/components/agents/inventory-table";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { listAgentFacets } from "@/lib/agents/list-agent-facets";
import { agentListQuery, listAgents } from "@/lib/agents/list-agents";
import { can } from "@/lib/auth/authorize";
import { requirePageCaller } from "@/lib/auth/session";
import { getDb } from "@/lib/db";

export const metadata: Metadata = { title: "Agents" };

type Search = Promise<Record<string, string | string[] | undefined>>;

export default async function AgentsPage({ searchParams }: { searchParams: Search }) {
  const caller = await requirePageCaller();
  const raw = Object.fromEntries(
    Object.entries(await searchParams).filter((entry): entry is [string, string] => typeof entry[1] === "string"),
  );
  // A hand-edited URL with a bad value shows the unfiltered list rather than an error.
  const parsed = agentListQuery.safeParse(raw);
  const query = parsed.success ? parsed.data : agentListQuery.parse({});
  const db = await getDb();
  const [page, facets] = await Promise.all([listAgents(db, caller, query), listAgentFacets(db, caller)]);
  const pages = Math.max(1, Math.ceil(page.total / page.pageSize));
  const hrefFor = (changes: Record<string, string>) => {
    const next = new URLSearchParams(raw);
    for (const [key, value] of Object.entries(changes)) next.set(key, value);
    if (!("page" in changes)) next.delete("page");
    return `/agents?${next}`;
  };

  return (
    <>
      <PageHeader
        title="Agents"
        description="Every AI agent, its accountable owner, its scopes and the credentials it holds."
        actions={
          can(caller, "agents:act") ? (
            <Link href="/agents/new" className="inline-flex h-10 items-center rounded-md bg-fg px-4 text-sm font-medium text-bg hover:opacity-90">
              Register agent
            </Link>
          ) : null
        }
      />
      <InventoryFilters owners={facets.owners} teams={facets.teams} />
      <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
        <p className="text-xs text-muted" aria-live="polite">
          {page.total} {page.total === 1 ? "agent" : "agents"}
          {pages > 1 ? ` · page ${page.page} of ${pages}` : ""}
        </p>
        {can(caller, "agents:act") && (query.team || query.owner) && page.total > 0 ? (
          <BulkContainButton scope={query.team ? { team: query.team } : { owner: query.owner ?? "" }} count={page.total} />
        ) : null}
      </div>
      {page.agents.length ? (
        <InventoryTable agents={page.agents} sort={query.sort} order={query.order} hrefFor={hrefFor} canContain={can(caller, "agents:act")} />
      ) : (
        <EmptyState title={page.total === 0 && Object.keys(raw).length === 0 ? "No agents registered yet" : "No agents match"}>
          {Object.keys(raw).length ? "Clear a filter or search for something else." : "Register the first agent to start."}
        </EmptyState>
      )}
      {pages > 1 ? (
        <nav aria-label="Pages" className="mt-4 flex items-center gap-3 text-sm">
          {page.page > 1 ? <Link href={hrefFor({ page: String(page.page - 1) })} className="underline">Previous</Link> : null}
          {page.page < pages ? <Link href={hrefFor({ page: String(page.page + 1) })} className="underline">Next</Link> : null}
        </nav>
      ) : null}
    </>
  );
}
