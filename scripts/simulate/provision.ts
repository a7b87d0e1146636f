// What a run needs before anything is sent, made through the JSON API as an admin
// would: an ingest key (that registers unknown agents, so the shadow agent shows up
// as one), the company's agents under this run's names, and a token for each agent
// that reports through the batch API, whose prefix its actions name as credential.
import type { ScenarioAgent } from "@/lib/demo/scenario-types";
import { type ConsoleClient, SimulateError } from "./console-client";

export interface ProvisionedAgent {
  id: string;
  name: string;
  status: string;
  tokenPrefix?: string;
}

export interface Provisioned {
  ingestKey: string;
  ingestKeyName: string;
  /** The ingest key this run created (none when one was given): revoked when the run ends. */
  createdIngestKeyId: string | null;
  /** Scenario name → the agent as registered for this run. */
  agents: Map<string, ProvisionedAgent>;
  reused: string[];
}

interface AgentReply {
  id: string;
  name: string;
  status: string;
}

/** Runs `work` over `items`, `limit` at a time, keeping the order of results. */
async function inParallel<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index] as T);
    }
  });
  await Promise.all(workers);
  return results;
}

async function registerAgent(client: ConsoleClient, agent: ScenarioAgent, name: string): Promise<{ agent: AgentReply; reused: boolean }> {
  try {
    const created = await client.request<AgentReply>("/api/v1/agents", {
      body: { name, owner: agent.owner, team: agent.team, environment: agent.environment, platform: agent.platform, scopes: agent.scopes, actsAs: agent.actsAs, description: agent.description },
    });
    return { agent: created, reused: false };
  } catch (error) {
    if (!(error instanceof SimulateError) || error.status !== 409) throw error;
    // A rerun with the same --run: use the agent registered last time.
    const found = await client.request<{ agents: AgentReply[] }>(`/api/v1/agents?q=${encodeURIComponent(name)}&pageSize=200`);
    const existing = found.agents.find((candidate) => candidate.name.toLowerCase() === name.toLowerCase());
    if (!existing) throw error;
    return { agent: existing, reused: true };
  }
}

export async function provision(
  client: ConsoleClient,
  options: { run: string; agents: readonly ScenarioAgent[]; nameOf: (name: string) => string; tokenSeconds: number; ingestKey?: string },
  log: (line: string) => void,
): Promise<Provisioned> {
  let ingestKey = options.ingestKey;
  let ingestKeyName = "TOURNIQUET_INGEST_KEY";
  let createdIngestKeyId: string | null = null;
  if (!ingestKey) {
    ingestKeyName = `simulate ${options.run}`;
    const created = await client.request<{ id: string; key: string }>("/api/v1/ingest-keys", { body: { name: ingestKeyName, unknownAgents: "register" } });
    ingestKey = created.key;
    createdIngestKeyId = created.id;
    log(`ingest key "${ingestKeyName}" created`);
  }

  const registered = options.agents.filter((agent) => !agent.unregistered);
  const reused: string[] = [];
  const agents = new Map<string, ProvisionedAgent>();
  const tokenSeconds = Math.max(60, Math.min(90 * 24 * 3600, Math.ceil(options.tokenSeconds)));
  await inParallel(registered, 4, async (agent) => {
    const name = options.nameOf(agent.name);
    const { agent: reply, reused: wasReused } = await registerAgent(client, agent, name);
    if (wasReused) reused.push(name);
    // The company's starting state; a retired agent sends nothing.
    if (agent.status === "retired" && reply.status === "active") {
      reply.status = (await client.request<AgentReply>(`/api/v1/agents/${reply.id}`, { method: "PATCH", body: { status: "retired" } })).status;
    }
    let tokenPrefix: string | undefined;
    if (agent.reportsVia === "api" && reply.status === "active") {
      const token = await client.request<{ prefix: string }>(`/api/v1/agents/${reply.id}/tokens`, { body: { expiresInSeconds: tokenSeconds } });
      tokenPrefix = token.prefix;
    }
    agents.set(agent.name, { id: reply.id, name: reply.name, status: reply.status, tokenPrefix });
  });
  log(`${registered.length} agents registered${reused.length ? ` (${reused.length} already there from an earlier run with --run ${options.run})` : ""}, ${[...agents.values()].filter((agent) => agent.tokenPrefix).length} tokens issued`);
  const contained = [...agents.values()].filter((agent) => agent.status === "suspended");
  if (contained.length) log(`note: ${contained.map((agent) => agent.name).join(", ")} ${contained.length === 1 ? "is" : "are"} contained; what they send now counts as after containment`);
  return { ingestKey, ingestKeyName, createdIngestKeyId, agents, reused };
}
