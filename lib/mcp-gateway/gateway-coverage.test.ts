// Coverage reads the gateway's own rows: a recent gateway call counts, an old one, a
// reported look-alike (same target, sent by an ingest key) and other agents' calls do not.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/db/testing/test-database";
import { insertActionRows, type NewActionRow } from "@/lib/actions/insert-action-rows";
import { INTERNAL_SOURCE_ID } from "@/lib/actions/internal-source";
import type { PublicAgent } from "@/lib/agents/public-agent";
import { createAgent, setAgentStatus } from "@/lib/testing/agents";
import { createIngestCaller } from "@/lib/testing/ingest";
import { createPerson } from "@/lib/testing/people";
import type { UserCaller } from "@/lib/auth/caller";
import { gatewayCoverage } from "./gateway-coverage";

let t: TestDatabase;
let viewer: UserCaller;
let gatewayAgent: PublicAgent;
let oldGatewayAgent: PublicAgent;
let reportingAgent: PublicAgent;
let containedAgent: PublicAgent;
const now = new Date();
const daysAgo = (days: number) => new Date(now.getTime() - days * 24 * 3600 * 1000);

function row(agent: PublicAgent, ingestKeyId: string, occurredAt: Date): NewActionRow {
  return {
    ingestKeyId,
    externalId: `coverage-${Math.random().toString(36).slice(2)}`,
    actorType: "agent",
    agentId: agent.id,
    occurredAt,
    kind: "tool_call",
    tool: "echo",
    targetType: "mcp_server",
    targetId: "forum",
    outcome: "allowed",
    summary: "echo",
    attributes: { "mcp.server": "forum", "mcp.gateway": true },
    afterContainment: false,
    receivedAfterContainment: false,
  };
}

beforeAll(async () => {
  t = await createTestDatabase();
  viewer = await createPerson(t.db, "viewer");
  gatewayAgent = await createAgent(t.db);
  oldGatewayAgent = await createAgent(t.db);
  reportingAgent = await createAgent(t.db);
  containedAgent = await createAgent(t.db);
  await setAgentStatus(t.db, containedAgent.id, "suspended");
  const source = await createIngestCaller(t.db);
  await t.db.transaction((tx) =>
    insertActionRows(tx, [
      row(gatewayAgent, INTERNAL_SOURCE_ID, daysAgo(3)),
      row(gatewayAgent, INTERNAL_SOURCE_ID, daysAgo(1)),
      row(oldGatewayAgent, INTERNAL_SOURCE_ID, daysAgo(8)),
      // Reported by the agent's own source: it says "mcp_server" but never passed the gateway.
      row(reportingAgent, source.id, daysAgo(1)),
      row(containedAgent, INTERNAL_SOURCE_ID, daysAgo(2)),
    ]),
  );
});
afterAll(() => t.close());

describe("gatewayCoverage", () => {
  it("counts active agents with a gateway call in the last 7 days", async () => {
    const coverage = await gatewayCoverage(t.db, viewer, { now });
    const byId = new Map(coverage.agents.map((agent) => [agent.agentId, agent.lastGatewayCallAt]));
    expect(coverage.windowDays).toBe(7);
    expect(byId.get(gatewayAgent.id)).toBe(daysAgo(1).toISOString());
    expect(byId.get(oldGatewayAgent.id)).toBeNull();
    expect(byId.get(reportingAgent.id)).toBeNull();
    expect(byId.has(containedAgent.id)).toBe(false);
    expect(coverage.activeAgents).toBe(3);
    expect(coverage.behindGateway).toBe(1);
  });

  it("answers for named agents whatever their status", async () => {
    const coverage = await gatewayCoverage(t.db, viewer, { now, agentIds: [containedAgent.id] });
    expect(coverage.agents).toEqual([{ agentId: containedAgent.id, lastGatewayCallAt: daysAgo(2).toISOString() }]);
    expect((await gatewayCoverage(t.db, viewer, { now, agentIds: [] })).agents).toEqual([]);
  });

  it("needs a caller who may read the console", async () => {
    await expect(gatewayCoverage(t.db, null)).rejects.toMatchObject({ status: 401 });
  });
});
