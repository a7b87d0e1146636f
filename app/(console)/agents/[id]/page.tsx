import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { RiskBadge, StatusBadge } from "@/components/agents/agent-badges";
import { CredentialsPanel } from "@/components/agents/credentials-panel";
import { ContainButton } from "@/components/containment/contain-button";
import { ContainmentPanel } from "@/components/containment/containment-panel";
import { RestoreButton } from "@/components/containment/restore-button";
import { OauthClientsPanel } from "@/components/agents/oauth-clients-panel";
import { TokensPanel } from "@/components/agents/tokens-panel";
import { TimelineView } from "@/components/timeline/timeline-view";
import { Card } from "@/components/ui/card";
import { loadAgentOr404 } from "@/lib/agents/load-agent-or-404";
import { can } from "@/lib/auth/authorize";
import { requirePageCaller } from "@/lib/auth/session";
import { getContainmentStatus } from "@/lib/containment/get-containment-status";
import { listAgentTokens } from "@/lib/credentials/list-agent-tokens";
import { listExternalCredentials } from "@/lib/credentials/list-external-credentials";
import { getDb } from "@/lib/db";
import { listOauthClients } from "@/lib/oauth/list-oauth-clients";
import { formatAgo, formatUtc } from "@/lib/format-time";
import { gatewayCoverage } from "@/lib/mcp-gateway/gateway-coverage";

export const metadata: Metadata = { title: "Agent" };

export default async function AgentPage({ params }: { params: Promise<{ id: string }> }) {
  const caller = await requirePageCaller();
  const { id } = await params;
  const db = await getDb();
  const agent = await loadAgentOr404(db, caller, id);
  const [tokens, oauthClients, credentials, containment, coverage] = await Promise.all([
    listAgentTokens(db, caller, id),
    listOauthClients(db, caller, id),
    listExternalCredentials(db, caller, id),
    getContainmentStatus(db, caller, id),
    gatewayCoverage(db, caller, { agentIds: [agent.id] }),
  ]);
  const lastGatewayCallAt = coverage.agents[0]?.lastGatewayCallAt ?? null;
  const canAct = can(caller, "agents:act");

  const facts: [string, string][] = [
    ["Owner", agent.owner],
    ["Team", agent.team || "—"],
    ["Environment", agent.environment],
    ["Platform", agent.platform || "—"],
    ["Acts as", agent.actsAs === "self" ? "itself" : "on behalf of its users"],
    ["Registered", formatUtc(agent.createdAt)],
  ];

  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-3 text-sm text-muted">
        <Link href="/agents" className="hover:underline">
          Agents
        </Link>{" "}
        / {agent.name}
      </nav>
      <header className="mb-6 flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="flex flex-wrap items-center gap-3 text-2xl font-semibold tracking-tight">
            {agent.name}
            <StatusBadge status={agent.status} />
            <RiskBadge risk={agent.risk} reasons={agent.riskReasons} />
          </h1>
          <p className="mt-1 max-w-2xl text-sm text-muted">{agent.description || "No description."}</p>
          <p className="mt-1 text-xs text-muted">
            Last activity <span title={formatUtc(agent.lastSeenAt)}>{formatAgo(agent.lastSeenAt)}</span> · {agent.liveTokens} live{" "}
            {agent.liveTokens === 1 ? "token" : "tokens"}
          </p>
          {/* What the kill switch covers for this agent, for a responder deciding what else to cut. */}
          <p data-testid="gateway-coverage" className={`mt-1 text-xs ${lastGatewayCallAt ? "text-muted" : "text-warn"}`}>
            {lastGatewayCallAt ? (
              <>
                Behind the MCP gateway: last gateway call <span title={formatUtc(lastGatewayCallAt)}>{formatAgo(lastGatewayCallAt)}</span>. Containing it
                refuses its next tool call.
              </>
            ) : (
              <>
                Reports only: no MCP gateway call in {coverage.windowDays} days, so the kill switch cannot stop calls it makes to its
                tools directly. Revoke the credentials it holds there too.
              </>
            )}
          </p>
        </div>
        <div className="flex items-center gap-2">
          {canAct ? (
            <Link href={`/agents/${agent.id}/edit`} className="inline-flex h-10 items-center rounded-md border border-border bg-surface px-3 text-sm hover:bg-surface-2">
              Edit
            </Link>
          ) : null}
          {can(caller, "incidents:act") ? (
            <Link
              href={`/incidents/new?agentId=${agent.id}`}
              className="inline-flex h-10 items-center rounded-md border border-border bg-surface px-3 text-sm hover:bg-surface-2"
            >
              Declare incident
            </Link>
          ) : null}
          {canAct && agent.status !== "suspended" ? <ContainButton agent={agent} /> : null}
          {can(caller, "agents:restore") && agent.status === "suspended" ? <RestoreButton agent={agent} /> : null}
        </div>
      </header>

      {agent.status !== "active" ? (
        <div role="status" className="mb-6 rounded-lg border border-danger bg-danger-bg p-4 text-sm text-danger" data-testid="containment-banner">
          {containment.current ? (
            <>
              <strong>Contained</strong> {formatUtc(containment.current.startedAt)} by {containment.current.containedBy}:{" "}
              {containment.current.reason}. {containment.current.tokensRevoked} {containment.current.tokensRevoked === 1 ? "token" : "tokens"} revoked.
            </>
          ) : (
            <strong>{agent.status === "suspended" ? "Suspended." : agent.status === "retired" ? "Retired." : "Unregistered."}</strong>
          )}{" "}
          Every token of this agent introspects as inactive and no new token can be issued.
        </div>
      ) : null}

      <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
        <Card className="p-5 lg:col-span-1">
          <h2 className="mb-3 text-base font-semibold">Profile</h2>
          <dl className="grid grid-cols-[7rem_minmax(0,1fr)] gap-y-2 text-sm">
            {facts.map(([label, value]) => (
              <div key={label} className="contents">
                <dt className="text-muted">{label}</dt>
                <dd className="break-words">{value}</dd>
              </div>
            ))}
          </dl>
          <h3 className="mb-2 mt-5 text-sm font-semibold">Scopes</h3>
          <ul className="flex flex-wrap gap-1.5">
            {agent.scopes.map((scope) => (
              <li key={scope} className="rounded bg-surface-2 px-1.5 py-0.5 font-mono text-xs">
                {scope}
              </li>
            ))}
            {agent.scopes.length === 0 ? <li className="text-sm text-muted">none declared</li> : null}
          </ul>
          <h3 className="mb-2 mt-5 text-sm font-semibold">Why {agent.risk} risk</h3>
          <ul className="list-disc pl-5 text-sm text-muted">
            {agent.riskReasons.map((reason) => (
              <li key={reason}>{reason}</li>
            ))}
          </ul>
        </Card>
        <div className="flex min-w-0 flex-col gap-6 lg:col-span-2">
          <TokensPanel
            agentId={agent.id}
            agentName={agent.name}
            agentScopes={agent.scopes}
            canAct={canAct}
            canIssue={agent.status === "active"}
            initialTokens={tokens}
          />
          <OauthClientsPanel agentId={agent.id} canAct={canAct} initialClients={oauthClients} />
          <CredentialsPanel agentId={agent.id} canAct={canAct} initialCredentials={credentials} />
        </div>
      </div>
      <div className="mt-6">
        <ContainmentPanel agentId={agent.id} initial={containment} />
      </div>
      <Card className="mt-6 p-5">
        <h2 className="mb-3 text-base font-semibold">Actions</h2>
        <Suspense fallback={<p className="text-sm text-muted">Loading actions…</p>}>
          <TimelineView fixedAgentId={agent.id} canContain={canAct && agent.status !== "suspended"} />
        </Suspense>
      </Card>
    </>
  );
}
