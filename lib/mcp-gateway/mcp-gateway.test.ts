// The gateway end to end with the official MCP SDK on both sides: a real upstream
// McpServer on loopback, an SDK Client speaking Streamable HTTP to the gateway's handler
// (real Request and Response objects; the e2e spec covers the Next route over HTTP).
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/db/testing/test-database";
import { actions, agents as agentsTable, alerts, auditEntries, mcpServers } from "@/db/schema";
import type { SubscribeToChanges } from "@/lib/approvals/get-approval";
import { decideApproval } from "@/lib/approvals/decide-approval";
import { listApprovals } from "@/lib/approvals/list-approvals";
import type { UserCaller } from "@/lib/auth/caller";
import { containAgent } from "@/lib/containment/contain-agent";
import { issueAgentToken } from "@/lib/credentials/issue-agent-token";
import type { Change } from "@/lib/live/change-hub";
import { CHANGES_CHANNEL } from "@/lib/live/publish-change";
import { updateRule } from "@/lib/rules/update-rule";
import { createAgent } from "@/lib/testing/agents";
import { type McpUpstream, UPSTREAM_KEY_HEADER, startMcpUpstream } from "@/lib/testing/mcp-upstream";
import { createPerson } from "@/lib/testing/people";
import { getMcpServer, listMcpServers } from "./list-mcp-servers";
import { handleGatewayRequest } from "./handle-gateway-request";
import { listUpstreamTools } from "./list-upstream-tools";
import { registerMcpServer } from "./register-mcp-server";
import { updateMcpServer } from "./update-mcp-server";
import { closeUpstreamClients } from "./upstream-client";

const UPSTREAM_SECRET = `upstream-secret-${Math.random().toString(36).slice(2)}`;

let t: TestDatabase;
let upstream: McpUpstream;
let admin: UserCaller;
let responder: UserCaller;
const subscribers = new Set<(change: Change) => void>();
const subscribe: SubscribeToChanges = async (listener) => {
  subscribers.add(listener);
  return () => void subscribers.delete(listener);
};
const bodies: string[] = [];
const logged: string[] = [];
const tracked: Promise<void>[] = [];

beforeAll(async () => {
  t = await createTestDatabase();
  await t.listen(CHANGES_CHANNEL, (payload) => {
    const change = JSON.parse(payload) as Change;
    for (const listener of subscribers) listener({ topic: change.topic, id: change.id ?? null });
  });
  admin = await createPerson(t.db, "admin");
  responder = await createPerson(t.db, "responder");
  upstream = await startMcpUpstream(UPSTREAM_SECRET);
  for (const method of ["log", "error", "warn", "info"] as const) {
    const original = console[method].bind(console);
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      logged.push(args.map(String).join(" "));
      original(...args);
    });
  }
});
afterAll(async () => {
  await closeUpstreamClients();
  await upstream.close();
  await t.close();
});

/** The gateway's handler as the SDK client's fetch: every response body is kept to search for secrets. */
const gatewayFetch = (name: string) => async (url: string | URL, init?: RequestInit) => {
  const response = await handleGatewayRequest(t.db, new Request(url, init), name, { subscribe, track: (work) => void tracked.push(work) });
  bodies.push(JSON.stringify([...response.headers]));
  void response.clone().text().then((text) => bodies.push(text), () => {});
  return response;
};

async function connect(name: string, token: string): Promise<Client> {
  const client = new Client({ name: "test-agent", version: "1" });
  const transport = new StreamableHTTPClientTransport(new URL(`http://localhost/mcp/${name}`), {
    requestInit: { headers: { authorization: `Bearer ${token}` } },
    fetch: gatewayFetch(name),
  });
  await client.connect(transport);
  return client;
}

async function eventually<T>(read: () => Promise<T | undefined | null | false>, withinMs = 1000): Promise<T> {
  const until = Date.now() + withinMs;
  for (;;) {
    const value = await read();
    if (value) return value;
    if (Date.now() > until) throw new Error("not within time");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const callsOf = (agentId: string, tool: string) =>
  t.db.select().from(actions).where(and(eq(actions.agentId, agentId), eq(actions.tool, tool)));

async function registerTools(name: string) {
  return registerMcpServer(t.db, admin, {
    name,
    url: upstream.url,
    headers: { [UPSTREAM_KEY_HEADER]: UPSTREAM_SECRET },
    tools: {
      post_message: { policy: "approve", kind: "message_post", sensitivity: "public" },
      drop_table: { policy: "deny", kind: "data_write", sensitivity: "restricted" },
    },
  });
}

describe("MCP gateway", () => {
  it("registers a server without ever showing its credentials, and audits the change", async () => {
    const server = await registerTools("tools");
    expect(server).toMatchObject({ name: "tools", url: upstream.url, headerNames: [UPSTREAM_KEY_HEADER], defaultPolicy: "allow" });
    expect(server.gatewayUrl).toMatch(/\/mcp\/tools$/);
    expect(JSON.stringify(await listMcpServers(t.db, admin))).not.toContain(UPSTREAM_SECRET);
    expect(JSON.stringify(await getMcpServer(t.db, admin, server.id))).not.toContain(UPSTREAM_SECRET);
    const [row] = await t.db.select().from(mcpServers).where(eq(mcpServers.id, server.id));
    expect(row?.headersCiphertext).toBeTruthy();
    expect(row?.headersCiphertext).not.toContain(UPSTREAM_SECRET);
    const audit = await t.db.select().from(auditEntries).where(eq(auditEntries.targetId, server.id));
    expect(audit.map((entry) => entry.action)).toEqual(["mcp_server.registered"]);
    const tools = await listUpstreamTools(t.db, admin, server.id);
    expect(tools.map((tool) => [tool.name, tool.policy])).toEqual([["echo", "allow"], ["post_message", "approve"], ["drop_table", "deny"]]);
    expect(tools.find((tool) => tool.name === "drop_table")?.annotations).toMatchObject({ destructiveHint: true });
    await expect(listUpstreamTools(t.db, responder, server.id)).rejects.toMatchObject({ status: 403 });
    await expect(registerTools("tools")).rejects.toMatchObject({ status: 409 });
    await expect(registerMcpServer(t.db, responder, { name: "other", url: upstream.url })).rejects.toMatchObject({ status: 403 });
    await expect(registerMcpServer(t.db, admin, { name: "Bad Name", url: upstream.url })).rejects.toMatchObject({ name: "ZodError" });
  });

  it("answers 401 with the protected-resource metadata to a missing or bad token", async () => {
    const bare = await handleGatewayRequest(t.db, new Request("http://localhost/mcp/tools", { method: "POST", body: "{}" }), "tools", { subscribe });
    expect(bare.status).toBe(401);
    expect(bare.headers.get("www-authenticate")).toMatch(/^Bearer resource_metadata="http:\/\/localhost:\d+\/\.well-known\/oauth-protected-resource\/mcp\/tools"$/);
    const bad = await handleGatewayRequest(
      t.db,
      new Request("http://localhost/mcp/tools", { method: "POST", body: "{}", headers: { authorization: "Bearer tq_at_nonsense" } }),
      "tools",
      { subscribe },
    );
    expect(bad.status).toBe(401);
    expect(bad.headers.get("www-authenticate")).toContain('error="invalid_token"');
  });

  it("forwards allowed calls, hides and refuses denied tools, holds approval calls for a person's answer", async () => {
    const agent = await createAgent(t.db);
    const { token } = await issueAgentToken(t.db, responder, agent.id, {});
    const client = await connect("tools", token);

    const listed = await client.listTools();
    expect(listed.tools.map((tool) => tool.name).sort()).toEqual(["echo", "post_message"]);
    expect(listed.tools.find((tool) => tool.name === "echo")?.annotations).toMatchObject({ readOnlyHint: true });

    const started = Date.now();
    const echoed = await client.callTool({ name: "echo", arguments: { text: "hello" } });
    expect(echoed.content).toEqual([{ type: "text", text: "echo: hello" }]);
    expect(upstream.calls.echo).toBe(1);
    const [echo] = await eventually(async () => {
      const rows = await callsOf(agent.id, "echo");
      return rows.length ? rows : null;
    });
    expect(Date.now() - started).toBeLessThan(1500);
    expect(echo).toMatchObject({ kind: "tool_call", outcome: "allowed", targetType: "mcp_server", targetId: "tools" });
    expect(echo?.attributes?.["mcp.duration_ms"]).toEqual(expect.any(Number));
    expect(echo?.attributes?.["mcp.arguments.sha256"]).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(echo?.attributes)).not.toContain("hello");

    await expect(client.callTool({ name: "drop_table", arguments: { table: "users" } })).rejects.toThrow(/not allowed/);
    expect(upstream.calls.drop_table).toBeUndefined();
    expect((await callsOf(agent.id, "drop_table")).map((row) => row.outcome)).toEqual(["denied"]);

    // Approved: held until the answer, then forwarded once.
    const approved = client.callTool({ name: "post_message", arguments: { text: "the fix is to widen the group" } });
    const pending = await eventually(async () => (await listApprovals(t.db, responder)).pending.find((approval) => approval.agent.id === agent.id), 3000);
    expect(pending.action).toMatchObject({ kind: "message_post", tool: "post_message", target: { type: "mcp_server", id: "tools" } });
    expect(upstream.calls.post_message).toBeUndefined();
    await decideApproval(t.db, responder, pending.id, { decision: "approve", reason: "checked the advice" });
    expect((await approved).content).toEqual([{ type: "text", text: "posted: the fix is to widen the group" }]);
    expect(upstream.calls.post_message).toBe(1);

    // Denied: an error, and the upstream never sees it.
    const refused = client.callTool({ name: "post_message", arguments: { text: "again" } });
    const second = await eventually(async () => (await listApprovals(t.db, responder)).pending.find((approval) => approval.agent.id === agent.id), 3000);
    await decideApproval(t.db, responder, second.id, { decision: "deny", reason: "not to the forum" });
    await expect(refused).rejects.toThrow(/denied: not to the forum/);
    expect(upstream.calls.post_message).toBe(1);

    await Promise.all(tracked);
    const posts = await callsOf(agent.id, "post_message");
    expect(posts.filter((row) => row.kind === "message_post").map((row) => row.outcome).sort()).toEqual(["allowed", "denied"]);
    expect(posts.filter((row) => row.attributes?.["mcp.held"])).toHaveLength(2);
    // The approved post carried its approval: the unapproved-post rule stays quiet.
    expect(posts.find((row) => row.outcome === "allowed" && row.kind === "message_post")?.approvalId).toBe(pending.id);
    expect(await t.db.select().from(alerts).where(and(eq(alerts.agentId, agent.id), eq(alerts.ruleKey, "unapproved-post")))).toHaveLength(0);
    await client.close();
  });

  it("stores every one of many concurrent calls of several agents, each as its own agent's action", async () => {
    const pair = await Promise.all([createAgent(t.db), createAgent(t.db)]);
    const clients = await Promise.all(
      pair.map(async (agent) => connect("tools", (await issueAgentToken(t.db, responder, agent.id, {})).token)),
    );
    const before = upstream.calls.echo ?? 0;
    // 40 calls in flight at once: recorded in a few batches rather than 40 transactions.
    await Promise.all(Array.from({ length: 40 }, (_, index) => (clients[index % 2] as Client).callTool({ name: "echo", arguments: { text: `n${index}` } })));
    expect(upstream.calls.echo).toBe(before + 40);
    await Promise.all(tracked);
    for (const agent of pair) {
      const rows = await callsOf(agent.id, "echo");
      expect(rows).toHaveLength(20);
      expect(new Set(rows.map((row) => row.externalId)).size).toBe(20);
      expect(rows.every((row) => row.outcome === "allowed")).toBe(true);
    }
    const [seen] = await t.db.select({ lastSeenAt: agentsTable.lastSeenAt }).from(agentsTable).where(eq(agentsTable.id, (pair[0] as { id: string }).id));
    expect(seen?.lastSeenAt).toBeInstanceOf(Date);
  });

  it("cuts a held call when the agent is contained, and refuses its next call at once", async () => {
    const agent = await createAgent(t.db);
    const { token } = await issueAgentToken(t.db, responder, agent.id, {});
    const client = await connect("tools", token);
    const before = { ...upstream.calls };
    const held = client.callTool({ name: "post_message", arguments: { text: "held" } });
    held.catch(() => {});
    await eventually(async () => (await listApprovals(t.db, responder)).pending.find((approval) => approval.agent.id === agent.id), 3000);
    await containAgent(t.db, responder, agent.id, { reason: "posting without asking" });
    await expect(held).rejects.toThrow(/contained/);
    await expect(client.callTool({ name: "echo", arguments: { text: "after" } })).rejects.toThrow(/401|nauthorized/);
    expect(upstream.calls).toEqual(before);
    await client.close().catch(() => {});
  });

  it("refuses a call a rule set to contain fires on, and the breaker contains the agent first", async () => {
    const agent = await createAgent(t.db, { scopes: ["tickets:read"] });
    const { token } = await issueAgentToken(t.db, responder, agent.id, {});
    const server = await registerMcpServer(t.db, admin, {
      name: "warehouse",
      url: upstream.url,
      headers: { [UPSTREAM_KEY_HEADER]: UPSTREAM_SECRET },
      tools: { echo: { kind: "data_read", sensitivity: "restricted" } },
    });
    await updateRule(t.db, admin, "restricted-outside-scope", { response: "contain", agents: { include: [agent.id] } });
    const client = await connect(server.name, token);
    const before = upstream.calls.echo;
    await expect(client.callTool({ name: "echo", arguments: { text: "secrets" } })).rejects.toThrow(/contained the agent/);
    expect(upstream.calls.echo).toBe(before);
    const [status] = await t.db.select().from(auditEntries).where(and(eq(auditEntries.action, "agent.contained"), eq(auditEntries.targetId, agent.id)));
    expect(status?.actorLabel).toBe("rule:restricted-outside-scope");
    await client.close().catch(() => {});
  });

  it("answers a JSON-RPC error in time when the upstream is down, recorded as error", async () => {
    const agent = await createAgent(t.db);
    const { token } = await issueAgentToken(t.db, responder, agent.id, {});
    const down = await registerMcpServer(t.db, admin, { name: "down", url: upstream.url, headers: { [UPSTREAM_KEY_HEADER]: UPSTREAM_SECRET }, upstreamTimeoutSeconds: 1 });
    const client = await connect("down", token);
    // The upstream goes away after the agent connected.
    await updateMcpServer(t.db, admin, down.id, { url: "http://127.0.0.1:9/mcp" });
    const started = Date.now();
    await expect(client.callTool({ name: "echo", arguments: { text: "x" } })).rejects.toThrow(/did not answer in time or could not be reached/);
    expect(Date.now() - started).toBeLessThan(3000);
    await Promise.all(tracked);
    expect((await callsOf(agent.id, "echo")).map((row) => row.outcome)).toEqual(["error"]);
    await client.close();
  });

  it("never puts the upstream credential in a response, an audit entry, an action or a log", async () => {
    await Promise.all(tracked);
    expect(upstream.seenKeys.filter((key) => key === UPSTREAM_SECRET).length).toBeGreaterThan(3);
    expect(bodies.length).toBeGreaterThan(10);
    expect(bodies.join("\n")).not.toContain(UPSTREAM_SECRET);
    expect(JSON.stringify(await t.db.select().from(auditEntries))).not.toContain(UPSTREAM_SECRET);
    expect(JSON.stringify(await t.db.select().from(actions))).not.toContain(UPSTREAM_SECRET);
    expect(logged.join("\n")).not.toContain(UPSTREAM_SECRET);
  });
});
