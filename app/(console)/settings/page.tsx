import type { Metadata } from "next";
import { AddPersonForm } from "@/components/settings/add-person-form";
import { BulkContainButton } from "@/components/containment/bulk-contain-button";
import { ApiKeysPanel } from "@/components/settings/api-keys-panel";
import { ConnectorsPanel } from "@/components/settings/connectors-panel";
import { McpServersPanel } from "@/components/settings/mcp-servers-panel";
import { IngestKeysPanel } from "@/components/settings/ingest-keys-panel";
import { SsfReceiversPanel } from "@/components/settings/ssf-receivers-panel";
import { ScimTokensPanel } from "@/components/settings/scim-tokens-panel";
import { ResourceServersPanel } from "@/components/settings/resource-servers-panel";
import { PeopleTable } from "@/components/settings/people-table";
import { RulesPanel } from "@/components/settings/rules-panel";
import { SettingsNav } from "@/components/settings/settings-nav";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { HydrationBoundary, QueryClient, dehydrate } from "@tanstack/react-query";
import { requirePageCaller } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { listConnectors } from "@/lib/connectors/list-connectors";
import { listMcpServers } from "@/lib/mcp-gateway/list-mcp-servers";
import { listReceivers } from "@/lib/ssf/receivers";
import { listApiKeys, listIngestKeys, listResourceServers } from "@/lib/keys/list-keys";
import { listScimTokens } from "@/lib/scim/list-scim-tokens";
import { listUsers } from "@/lib/users/list-users";
import { listRules } from "@/lib/rules/list-rules";
import { listAgentNames } from "@/lib/agents/list-agent-names";
import { userKeys } from "@/lib/users/query-keys";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  const caller = await requirePageCaller("users:manage");
  // Prefetched here so the table renders with the page instead of after a round trip.
  const db = await getDb();
  const queryClient = new QueryClient();
  queryClient.setQueryData(userKeys.list(), await listUsers(db, caller));
  const [apiKeys, resourceServers, ingestKeys, connectors, rules, agentNames, receivers, mcpServers, scimTokens] = await Promise.all([
    listApiKeys(db, caller),
    listResourceServers(db, caller),
    listIngestKeys(db, caller),
    listConnectors(db, caller),
    listRules(db, caller),
    listAgentNames(db, caller),
    listReceivers(db, caller),
    listMcpServers(db, caller),
    listScimTokens(db, caller),
  ]);
  return (
    <>
      <PageHeader title="Settings" description="People and machines that can use Tourniquet, and what each may do." />
      <div className="xl:grid xl:grid-cols-[12rem_minmax(0,1fr)] xl:gap-8">
        <SettingsNav />
        <div className="flex min-w-0 flex-col gap-8">
          <section id="people" aria-labelledby="people-heading" className="scroll-mt-4">
            <h2 id="people-heading" className="mb-3 text-base font-semibold">
              People
            </h2>
            <Card className="mb-4 p-5">
              <h3 className="mb-1 text-sm font-semibold">Add a person</h3>
              <p className="mb-4 text-sm text-muted">
                Viewers read everything; responders also act on agents and incidents; admins also manage people, keys,
                settings and restore contained agents.
              </p>
              <AddPersonForm />
            </Card>
            {/* The table scrolls inside its own box; its visually hidden "Actions" header is
                absolute, so the table must be its containing block or it widens the page. */}
            <div className="[&_table]:relative">
              <HydrationBoundary state={dehydrate(queryClient)}>
                <PeopleTable currentUserId={caller.id} />
              </HydrationBoundary>
            </div>
          </section>
          <div id="api-keys" className="scroll-mt-4">
            <ApiKeysPanel initial={apiKeys} />
          </div>
          {/* Its OTLP header example is one long word: let it wrap on a phone. */}
          <div id="ingest-keys" className="scroll-mt-4 [&_code]:[overflow-wrap:anywhere]">
            <IngestKeysPanel initial={ingestKeys} />
          </div>
          <div id="resource-servers" className="scroll-mt-4">
            <ResourceServersPanel initial={resourceServers} />
          </div>
          <div id="mcp-servers" className="scroll-mt-4">
            <McpServersPanel initial={mcpServers} />
          </div>
          <div id="scim" className="scroll-mt-4">
            <ScimTokensPanel initial={scimTokens} />
          </div>
          <div id="connectors" className="scroll-mt-4">
            <ConnectorsPanel initial={connectors} />
          </div>
          <div id="ssf-receivers" className="scroll-mt-4">
            <SsfReceiversPanel initial={receivers} />
          </div>
          {/* The rules panel carries id="rules" itself; its own top margin is for the old layout. */}
          <div className="*:mt-0">
            <RulesPanel initial={rules} agents={agentNames} />
          </div>
          <Card id="break-glass" className="scroll-mt-4 border-danger p-5">
            <h2 className="mb-1 text-base font-semibold text-danger">Break glass</h2>
            <p className="mb-3 text-sm text-muted">
              Contain every agent at once: all are suspended, all their tokens revoked, every connected system told. Use it when you
              cannot tell which agent is the problem.
            </p>
            <BulkContainButton scope={{ all: true }} />
          </Card>
        </div>
      </div>
    </>
  );
}
