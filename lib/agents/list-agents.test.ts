import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/db/testing/test-database";
import { issueAgentToken } from "@/lib/credentials/issue-agent-token";
import { createAgent, setAgentStatus } from "@/lib/testing/agents";
import { createPerson } from "@/lib/testing/people";
import type { UserCaller } from "@/lib/auth/caller";
import { listAgents } from "./list-agents";

let t: TestDatabase;
let viewer: UserCaller;
beforeAll(async () => {
  t = await createTestDatabase();
  viewer = await createPerson(t.db, "viewer");
  const responder = await createPerson(t.db, "responder");
  const alpha = await createAgent(t.db, { name: "alpha-triage", owner: "ana@example.com", team: "Support", environment: "prod" });
  await createAgent(t.db, { name: "beta-deployer", owner: "ben@example.com", team: "Platform", scopes: ["deploy:execute", "iam:write"] });
  const gamma = await createAgent(t.db, { name: "gamma_reader", owner: "ana@example.com", team: "Data", environment: "dev", scopes: ["docs:read"] });
  await issueAgentToken(t.db, responder, alpha.id, {});
  await issueAgentToken(t.db, responder, alpha.id, {});
  await setAgentStatus(t.db, gamma.id, "retired");
});
afterAll(() => t.close());

const names = async (query: Parameters<typeof listAgents>[2]) => (await listAgents(t.db, viewer, query)).agents.map((agent) => agent.name);

describe("listAgents", () => {
  it("filters by status, owner (any case), team, environment and risk", async () => {
    expect(await names({ status: "retired" })).toEqual(["gamma_reader"]);
    expect(await names({ owner: "ANA@example.com" })).toEqual(["alpha-triage", "gamma_reader"]);
    expect(await names({ team: "Platform" })).toEqual(["beta-deployer"]);
    expect(await names({ environment: "dev" })).toEqual(["gamma_reader"]);
    expect(await names({ risk: "high" })).toEqual(["beta-deployer"]);
  });

  it("searches name, owner, team and description, with LIKE wildcards taken literally", async () => {
    expect(await names({ q: "deploy" })).toEqual(["beta-deployer"]);
    expect(await names({ q: "support" })).toEqual(["alpha-triage"]);
    expect(await names({ q: "_" })).toEqual(["gamma_reader"]);
    expect(await names({ q: "%" })).toEqual([]);
  });

  it("sorts, counts live tokens and pages", async () => {
    expect(await names({ sort: "name", order: "desc" })).toEqual(["gamma_reader", "beta-deployer", "alpha-triage"]);
    const byTokens = await listAgents(t.db, viewer, { sort: "liveTokens", order: "desc" });
    expect(byTokens.agents[0]).toMatchObject({ name: "alpha-triage", liveTokens: 2 });
    const page = await listAgents(t.db, viewer, { pageSize: 2, page: 2 });
    expect(page).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(page.agents.map((agent) => agent.name)).toEqual(["gamma_reader"]);
  });

  it("refuses anonymous callers and unknown filter values", async () => {
    await expect(listAgents(t.db, null as never, {})).rejects.toMatchObject({ status: 401 });
    await expect(listAgents(t.db, viewer, { risk: "extreme" as never })).rejects.toThrow();
  });
});
