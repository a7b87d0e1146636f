// The circuit breaker: a rule set to declare or contain acts within a second of the
// action arriving, as the rule, through the same verbs as a responder; and only once.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/db/testing/test-database";
import { actions, agents, auditEntries, containments, incidentAgents, incidents } from "@/db/schema";
import type { IngestKeyCaller, ResourceServerCaller, UserCaller } from "@/lib/auth/caller";
import { restoreAgent } from "@/lib/containment/restore-agent";
import { introspectToken } from "@/lib/credentials/introspect-token";
import { issueAgentToken } from "@/lib/credentials/issue-agent-token";
import { updateIncident } from "@/lib/incidents/update-incident";
import { exportReport } from "@/lib/reports/export-report";
import { updateRule } from "@/lib/rules/update-rule";
import type { RuleKey } from "@/lib/rules/vocabulary";
import { createAgent } from "@/lib/testing/agents";
import { alertsOf as alertsOfRule, sendAccepted } from "@/lib/testing/alerts";
import { action, createIngestCaller } from "@/lib/testing/ingest";
import { createPerson } from "@/lib/testing/people";

let t: TestDatabase;
let admin: UserCaller;
let source: IngestKeyCaller;
const server: ResourceServerCaller = { type: "resource_server", id: "00000000-0000-4000-8000-00000000000c", name: "wiki" };

beforeAll(async () => {
  t = await createTestDatabase();
  admin = await createPerson(t.db, "admin");
  source = await createIngestCaller(t.db, "register");
});
afterAll(() => t.close());

const alertsOf = (rule: RuleKey, agentId?: string) => alertsOfRule(t.db, rule, agentId);
const send = (...items: Record<string, unknown>[]) => sendAccepted(t.db, source, items);

describe("circuit breaker", () => {
  it("contains the agent within a second of the action being ingested, as the rule, with an incident", async () => {
    await updateRule(t.db, admin, "unapproved-post", { response: "contain" });
    const agent = await createAgent(t.db);
    const { token } = await issueAgentToken(t.db, admin, agent.id, {});
    await send(action(agent.name, { kind: "message_post", target: { type: "forum", id: "eng-forum/1", sensitivity: "internal" } }));
    // By the time ingest answers, introspection already says no.
    expect(await introspectToken(t.db, server, token)).toEqual({ active: false });

    const [stored] = await t.db.select().from(actions).where(and(eq(actions.agentId, agent.id), eq(actions.kind, "message_post")));
    const [containment] = await t.db.select().from(containments).where(eq(containments.agentId, agent.id));
    expect(containment?.containedBy).toBe("rule:unapproved-post");
    const delay = containment!.startedAt.getTime() - stored!.receivedAt.getTime();
    expect(delay).toBeGreaterThanOrEqual(0);
    expect(delay).toBeLessThan(1000);

    const [alert] = await alertsOf("unapproved-post", agent.id);
    expect(alert).toMatchObject({ responseState: "done", containmentId: containment!.id });
    const [incident] = await t.db.select().from(incidents).where(eq(incidents.id, alert!.incidentId!));
    expect(incident).toMatchObject({ severity: "SEV2", status: "contained", commander: "rule:unapproved-post" });
    expect(await t.db.select().from(incidentAgents).where(eq(incidentAgents.incidentId, incident!.id))).toHaveLength(1);
    const [row] = await t.db.select().from(agents).where(eq(agents.id, agent.id));
    expect(row?.status).toBe("suspended");
    const ruleEntries = await t.db.select().from(auditEntries).where(eq(auditEntries.actorLabel, "rule:unapproved-post"));
    expect(ruleEntries.map((entry) => entry.action)).toEqual(expect.arrayContaining(["alert.raised", "incident.declared", "agent.contained"]));
    const report = await new Response((await exportReport(t.db, admin, incident!.id, "md")).body).text();
    expect(report).toContain(`ALR-${alert!.number} high unapproved-post`);

    // Resolving the incident resolves its alert; restored, the agent posts again: a new
    // alert, a new incident, and contained again.
    await updateIncident(t.db, admin, incident!.id, { status: "resolved" });
    expect((await alertsOf("unapproved-post", agent.id))[0]?.status).toBe("resolved");
    await restoreAgent(t.db, admin, agent.id, { reason: "owner fixed the prompt" });
    await send(action(agent.name, { kind: "message_post", target: { type: "forum", id: "eng-forum/2", sensitivity: "internal" } }));
    const both = await alertsOf("unapproved-post", agent.id);
    const again = both.find((row) => row.status === "open");
    expect(both).toHaveLength(2);
    expect(again).toMatchObject({ firings: 1, responseState: "done" });
    expect(again!.incidentId).not.toBe(incident!.id);
    const [suspended] = await t.db.select().from(agents).where(eq(agents.id, agent.id));
    expect(suspended?.status).toBe("suspended");
    await updateRule(t.db, admin, "unapproved-post", { response: "alert" });
  });

  it("declares once however many firings arrive", async () => {
    await updateRule(t.db, admin, "restricted-outside-scope", { response: "declare" });
    const agent = await createAgent(t.db, { scopes: [] });
    const read = () => action(agent.name, { kind: "data_read", target: { type: "table", id: "x", sensitivity: "restricted" } });
    await Promise.all([send(read()), send(read()), send(read())]);
    const [alert] = await alertsOf("restricted-outside-scope", agent.id);
    expect(alert?.firings).toBe(3);
    const declared = await t.db.select().from(incidentAgents).where(eq(incidentAgents.agentId, agent.id));
    expect(declared).toHaveLength(1);
    const [row] = await t.db.select().from(agents).where(eq(agents.id, agent.id));
    expect(row?.status).toBe("active");
    await updateRule(t.db, admin, "restricted-outside-scope", { response: "alert" });
  });
});
