import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/db/testing/test-database";
import { agents, auditEntries, containments, deliveries } from "@/db/schema";
import type { ResourceServerCaller, UserCaller } from "@/lib/auth/caller";
import { introspectToken } from "@/lib/credentials/introspect-token";
import { issueAgentToken } from "@/lib/credentials/issue-agent-token";
import { registerExternalCredential } from "@/lib/credentials/register-external-credential";
import { createAgent } from "@/lib/testing/agents";
import { createPerson } from "@/lib/testing/people";
import { declareIncident } from "@/lib/incidents/declare-incident";
import { declareIncidentInput } from "@/lib/incidents/incident-fields";
import { containAgent } from "./contain-agent";
import { containAgents } from "./contain-agents";
import { getContainmentStatus } from "./get-containment-status";
import { restoreAgent } from "./restore-agent";

let t: TestDatabase;
let responder: UserCaller;
let admin: UserCaller;
const server: ResourceServerCaller = { type: "resource_server", id: "00000000-0000-4000-8000-00000000000b", name: "wiki" };
beforeAll(async () => {
  t = await createTestDatabase();
  responder = await createPerson(t.db, "responder");
  admin = await createPerson(t.db, "admin");
});
afterAll(() => t.close());

describe("containAgent", () => {
  it("leaves every token inactive by the time it returns, and no new token can be issued", async () => {
    const agent = await createAgent(t.db);
    const tokens = await Promise.all([1, 2, 3].map(() => issueAgentToken(t.db, responder, agent.id, {})));
    for (const { token } of tokens) expect((await introspectToken(t.db, server, token)).active).toBe(true);

    const result = await containAgent(t.db, responder, agent.id, { reason: "posted unapproved advice" });
    expect(result).toMatchObject({ alreadyContained: false, tokensRevoked: 3 });
    for (const { token } of tokens) expect(await introspectToken(t.db, server, token)).toEqual({ active: false });
    await expect(issueAgentToken(t.db, responder, agent.id, {})).rejects.toMatchObject({ status: 409 });

    const [row] = await t.db.select().from(agents).where(eq(agents.id, agent.id));
    expect(row?.status).toBe("suspended");
    const [entry] = await t.db.select().from(auditEntries).where(eq(auditEntries.action, "agent.contained"));
    expect(entry).toMatchObject({ actorId: responder.id, targetId: agent.id, after: expect.objectContaining({ reason: "posted unapproved advice", tokensRevoked: 3 }) });
  });

  it("gives 20 concurrent callers success and exactly one containment", async () => {
    const agent = await createAgent(t.db);
    await issueAgentToken(t.db, responder, agent.id, {});
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, index) => containAgent(t.db, index % 2 ? responder : admin, agent.id, { reason: `press ${index}` })),
    );
    expect(results.every((result) => result.status === "fulfilled")).toBe(true);
    const values = results.map((result) => (result as PromiseFulfilledResult<Awaited<ReturnType<typeof containAgent>>>).value);
    expect(values.filter((value) => !value.alreadyContained)).toHaveLength(1);
    expect(new Set(values.map((value) => value.containment.id)).size).toBe(1);
    expect(await t.db.select().from(containments).where(eq(containments.agentId, agent.id))).toHaveLength(1);
    expect(values.reduce((sum, value) => sum + value.tokensRevoked, 0)).toBe(1);
  });

  it("is refused to viewers, and they change nothing", async () => {
    const viewer = await createPerson(t.db, "viewer");
    const agent = await createAgent(t.db);
    await expect(containAgent(t.db, viewer, agent.id, { reason: "curious" })).rejects.toMatchObject({ status: 403 });
    expect(await t.db.select().from(containments).where(eq(containments.agentId, agent.id))).toHaveLength(0);
    const [row] = await t.db.select().from(agents).where(eq(agents.id, agent.id));
    expect(row?.status).toBe("active");
  });
});

describe("restoreAgent", () => {
  it("is for admins only, gives fresh tokens and never brings revoked ones back", async () => {
    const agent = await createAgent(t.db);
    const old = await issueAgentToken(t.db, responder, agent.id, {});
    await containAgent(t.db, responder, agent.id, { reason: "suspicious posting" });
    await expect(restoreAgent(t.db, responder, agent.id, { reason: "fixed" })).rejects.toMatchObject({ status: 403 });

    const restored = await restoreAgent(t.db, admin, agent.id, { reason: "prompt fixed, approval added" });
    expect(restored.containment.releaseReason).toBe("prompt fixed, approval added");
    expect((await introspectToken(t.db, server, restored.token.token)).active).toBe(true);
    expect(await introspectToken(t.db, server, old.token)).toEqual({ active: false });
    await expect(restoreAgent(t.db, admin, agent.id, { reason: "again" })).rejects.toMatchObject({ status: 409 });
  });
});

describe("containAgents (bulk)", () => {
  it("contains every agent of a team, and everything only for admins with the typed phrase", async () => {
    const team = `team-${Date.now()}`;
    await createAgent(t.db, { team });
    await createAgent(t.db, { team });
    const result = await containAgents(t.db, responder, { reason: "team compromised", team });
    expect(result).toMatchObject({ contained: 2, alreadyContained: 0 });
    await expect(containAgents(t.db, responder, { reason: "panic", all: true, confirm: "CONTAIN ALL AGENTS" })).rejects.toMatchObject({ status: 403 });
    await expect(containAgents(t.db, admin, { reason: "panic", all: true, confirm: "yes" })).rejects.toMatchObject({ status: 400 });
  });
});

describe("getContainmentStatus", () => {
  it("shows what is left: unrevoked credentials held elsewhere and the last moment one still works", async () => {
    const agent = await createAgent(t.db);
    const soon = new Date(Date.now() + 3600_000);
    const later = new Date(Date.now() + 86400_000);
    await registerExternalCredential(t.db, responder, agent.id, { system: "github", identifier: "bot", scopes: [], expiresAt: soon, revocableByConnector: false, notes: "" });
    await registerExternalCredential(t.db, responder, agent.id, { system: "aws", identifier: "role/bot", scopes: [], expiresAt: later, revocableByConnector: true, notes: "" });
    await containAgent(t.db, responder, agent.id, { reason: "exposure" });
    const status = await getContainmentStatus(t.db, responder, agent.id);
    expect(status.current?.reason).toBe("exposure");
    expect(status.leftover.credentials).toHaveLength(2);
    expect(status.leftover.usableUntil).toBe(later.toISOString());
    expect(status.leftover.neverExpires).toBe(false);
    expect(await t.db.select().from(deliveries).where(eq(deliveries.agentId, agent.id))).toEqual([]);
  });
});

describe("after containment", () => {
  it("records what the agent keeps trying: its actions and its token checks are marked", async () => {
    const { ingestActions } = await import("@/lib/actions/ingest-actions");
    const { listActions } = await import("@/lib/actions/list-actions");
    const { action, createIngestCaller } = await import("@/lib/testing/ingest");
    const source = await createIngestCaller(t.db);
    const agent = await createAgent(t.db);
    const issued = await issueAgentToken(t.db, responder, agent.id, {});
    await ingestActions(t.db, source, [action(agent.name, { id: "before" })]);
    await containAgent(t.db, responder, agent.id, { reason: "still posting" });
    await ingestActions(t.db, source, [action(agent.name, { id: "after", occurredAt: new Date().toISOString() })]);
    expect(await introspectToken(t.db, server, issued.token)).toEqual({ active: false });

    const { actions } = await listActions(t.db, responder, { agentId: agent.id });
    const byId = Object.fromEntries(actions.map((item) => [item.id, item]));
    expect(byId.before?.afterContainment).toBe(false);
    expect(byId.after?.afterContainment).toBe(true);
    const check = actions.find((item) => item.tool === "oauth.introspect");
    expect(check).toMatchObject({ kind: "login", outcome: "denied", afterContainment: true, credential: `${issued.prefix}…` });
    expect(check?.summary).toContain("resource-server:wiki");
  });

  it("attaching an agent that is already contained to an incident writes an audit entry", async () => {
    const agent = await createAgent(t.db);
    await containAgent(t.db, responder, agent.id, { reason: "first containment" });
    const incident = await declareIncident(t.db, responder, declareIncidentInput.parse({ title: "Later incident", severity: "SEV2" }));
    await containAgent(t.db, responder, agent.id, { reason: "part of this incident", incidentId: incident.id });
    const entries = await t.db.select().from(auditEntries).where(eq(auditEntries.action, "incident.agent_attached"));
    expect(entries.map((entry) => entry.targetId)).toContain(incident.id);
  });
});
