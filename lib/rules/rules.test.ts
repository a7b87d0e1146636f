// Each rule fires on its pattern and stays quiet on a near miss, through the real
// ingest path on a real database. The circuit breaker's tests are in lib/alerts.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/db/testing/test-database";
import { actions, alertFirings, alerts, auditEntries } from "@/db/schema";
import { dismissAlert } from "@/lib/alerts/dismiss-alert";
import { decideApproval } from "@/lib/approvals/decide-approval";
import { requestApproval, requestApprovalInput } from "@/lib/approvals/request-approval";
import type { AgentCaller, IngestKeyCaller, ResourceServerCaller, UserCaller } from "@/lib/auth/caller";
import { containAgent } from "@/lib/containment/contain-agent";
import { introspectToken } from "@/lib/credentials/introspect-token";
import { issueAgentToken } from "@/lib/credentials/issue-agent-token";
import type { PublicAgent } from "@/lib/agents/public-agent";
import { createAgent } from "@/lib/testing/agents";
import { alertsOf as alertsOfRule, sendAccepted } from "@/lib/testing/alerts";
import { action, createIngestCaller } from "@/lib/testing/ingest";
import { createPerson } from "@/lib/testing/people";
import { updateRule } from "./update-rule";
import type { RuleKey } from "./vocabulary";

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

const agentCaller = async (agent: PublicAgent): Promise<AgentCaller> => {
  const issued = await issueAgentToken(t.db, admin, agent.id, {});
  return { type: "agent", id: agent.id, name: agent.name, tokenId: issued.id, scopes: agent.scopes };
};

async function approved(agent: PublicAgent, kind: string, target?: { type: string; id: string }) {
  const request = await requestApproval(t.db, await agentCaller(agent), requestApprovalInput.parse({ action: { kind, summary: "please", ...(target ? { target } : {}) } }));
  await decideApproval(t.db, admin, request.id, { decision: "approve", reason: "looks fine" });
  return request.id;
}

describe("restricted-outside-scope", () => {
  it("fires when an agent touches restricted data no scope clears it for", async () => {
    const agent = await createAgent(t.db, { scopes: ["tickets:read"] });
    await send(action(agent.name, { kind: "data_read", target: { type: "table", id: "hr.compensation", sensitivity: "restricted" } }));
    const [alert] = await alertsOf("restricted-outside-scope", agent.id);
    expect(alert).toMatchObject({ severity: "high", status: "open", firings: 1 });
    const [firing] = await t.db.select().from(alertFirings).where(eq(alertFirings.alertId, alert!.id));
    expect(firing?.reason).toContain("no scope");
  });

  it("stays quiet when a scope clears the level, and on a refused attempt", async () => {
    const cleared = await createAgent(t.db, { scopes: ["warehouse:read:restricted"] });
    const refused = await createAgent(t.db, { scopes: ["tickets:read"] });
    await send(
      action(cleared.name, { kind: "data_read", target: { type: "table", id: "raw.customers", sensitivity: "restricted" } }),
      action(refused.name, { kind: "data_read", outcome: "denied", target: { type: "table", id: "raw.customers", sensitivity: "restricted" } }),
      action(refused.name, { kind: "data_read", target: { type: "page", id: "wiki/home", sensitivity: "internal" } }),
    );
    expect(await alertsOf("restricted-outside-scope", cleared.id)).toHaveLength(0);
    expect(await alertsOf("restricted-outside-scope", refused.id)).toHaveLength(0);
  });
});

describe("unapproved-post", () => {
  const forumPost = (agent: string, extra: Record<string, unknown> = {}) =>
    action(agent, { kind: "message_post", tool: "forum.post_reply", target: { type: "forum", id: "eng-forum/4821", sensitivity: "internal" }, ...extra });

  it("fires on a post to a shared place without approval", async () => {
    const agent = await createAgent(t.db);
    await send(forumPost(agent.name));
    expect(await alertsOf("unapproved-post", agent.id)).toHaveLength(1);
  });

  it("stays quiet with an approved request, or when the place is not shared", async () => {
    const agent = await createAgent(t.db);
    const approvalId = await approved(agent, "message_post");
    await send(
      forumPost(agent.name, { approvalId }),
      action(agent.name, { kind: "message_post", target: { type: "pull_request", id: "web#12", sensitivity: "internal" } }),
    );
    expect(await alertsOf("unapproved-post", agent.id)).toHaveLength(0);
    const [stored] = await t.db.select().from(actions).where(eq(actions.approvalId, approvalId));
    expect(stored?.kind).toBe("message_post");
  });

  it("fires when the approval was for another target, or is used long after the answer", async () => {
    const agent = await createAgent(t.db);
    const forPullRequest = await approved(agent, "message_post", { type: "pull_request", id: "repo#1" });
    await send(forumPost(agent.name, { approvalId: forPullRequest }));
    expect(await alertsOf("unapproved-post", agent.id)).toHaveLength(1);

    const other = await createAgent(t.db);
    const forTheThread = await approved(other, "message_post", { type: "forum", id: "eng-forum/4821" });
    await send(forumPost(other.name, { approvalId: forTheThread }));
    expect(await alertsOf("unapproved-post", other.id)).toHaveLength(0);
    // The same approval replayed two hours later (an action stamped then) does not cover it.
    const later = new Date(Date.now() + 2 * 3_600_000);
    const { detectFirings } = await import("./detect-firings");
    const { loadDetectionInputs } = await import("./load-detection-inputs");
    const replay = { id: 1, agentId: other.id, actorType: "agent" as const, humanId: null, occurredAt: later, kind: "message_post" as const, tool: null, targetType: "forum", targetId: "eng-forum/4821", sensitivity: "internal" as const, outcome: "allowed" as const, summary: null, attributes: null, approvalId: forTheThread, afterContainment: false };
    const firings = detectFirings([replay], await loadDetectionInputs(t.db, [replay]));
    expect(firings.map((firing) => firing.rule.key)).toContain("unapproved-post");
  });

  it("fires when the approval named was denied or belongs to another agent", async () => {
    const agent = await createAgent(t.db);
    const other = await createAgent(t.db);
    const othersApproval = await approved(other, "message_post");
    await send(forumPost(agent.name, { approvalId: othersApproval }));
    expect(await alertsOf("unapproved-post", agent.id)).toHaveLength(1);
  });
});

describe("permission-widening", () => {
  it("fires when a person opens a restricted group to everyone", async () => {
    await send({
      id: `widen-${Date.now()}`,
      actor: { type: "human", id: "sam.rivera@example.com" },
      occurredAt: new Date().toISOString(),
      kind: "permission_change",
      tool: "okta.add_group_member",
      target: { type: "group", id: "data-platform-readers-1", sensitivity: "restricted" },
      attributes: { "permission.effect": "widen", "permission.grantee": "group:all-engineering", "permission.audience_before": 12, "permission.audience_after": 1400 },
      outcome: "allowed",
    });
    const [alert] = await t.db.select().from(alerts).where(eq(alerts.groupKey, "permission-widening:target:group:data-platform-readers-1"));
    expect(alert).toMatchObject({ agentId: null, subject: "group data-platform-readers-1" });
  });

  it("stays quiet when access narrows, or the resource is not sensitive", async () => {
    const base = { actor: { type: "human", id: "ines@example.com" }, occurredAt: new Date().toISOString(), kind: "permission_change", outcome: "allowed" };
    await send(
      { ...base, id: `narrow-${Date.now()}`, tool: "okta.remove_group_member", target: { type: "group", id: "quiet-group-1", sensitivity: "restricted" } },
      { ...base, id: `public-${Date.now()}`, tool: "okta.add_group_member", attributes: { "permission.effect": "widen" }, target: { type: "group", id: "quiet-group-2", sensitivity: "public" } },
    );
    const fired = await t.db.select().from(alerts).where(eq(alerts.ruleKey, "permission-widening"));
    expect(fired.map((alert) => alert.subject)).not.toEqual(expect.arrayContaining([expect.stringContaining("quiet-group")]));
  });
});

describe("rate-spike", () => {
  const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

  it("fires when the last window is far above the agent's own baseline, and not below the floor", async () => {
    await updateRule(t.db, admin, "rate-spike", { params: { windowMinutes: 5, baselineMinutes: 60, factor: 5, minActions: 40 } });
    const busy = await createAgent(t.db);
    const steady = await createAgent(t.db);
    // An hour of baseline: 30 actions each, about one every two minutes.
    for (const agent of [busy, steady]) await send(...Array.from({ length: 30 }, (_, index) => action(agent.name, { occurredAt: minutesAgo(64 - index * 2) })));
    // Then a burst: 60 in the last minutes for one (> 5 × 2.5 and > 40), 30 for the other (below the floor of 40).
    await send(...Array.from({ length: 60 }, () => action(busy.name, { occurredAt: minutesAgo(1) })));
    await send(...Array.from({ length: 30 }, () => action(steady.name, { occurredAt: minutesAgo(1) })));
    const [alert] = await alertsOf("rate-spike", busy.id);
    expect(alert?.firings).toBe(1);
    expect(await alertsOf("rate-spike", steady.id)).toHaveLength(0);
    // A sustained spike does not page again within the window.
    await send(...Array.from({ length: 60 }, () => action(busy.name, { occurredAt: minutesAgo(0.5) })));
    expect((await alertsOf("rate-spike", busy.id))[0]?.firings).toBe(1);
  });
});

describe("use-after-containment", () => {
  it("fires when a contained agent acts or presents a revoked token, not before", async () => {
    const agent = await createAgent(t.db);
    const { token } = await issueAgentToken(t.db, admin, agent.id, {});
    await send(action(agent.name));
    expect(await alertsOf("use-after-containment", agent.id)).toHaveLength(0);

    await containAgent(t.db, admin, agent.id, { reason: "test containment" });
    await send(action(agent.name, { summary: "still going", occurredAt: new Date().toISOString() }));
    expect(await introspectToken(t.db, server, token)).toEqual({ active: false });
    const [alert] = await alertsOf("use-after-containment", agent.id);
    expect(alert).toMatchObject({ severity: "critical", firings: 2 });
  });
});

describe("use-after-containment, reported late", () => {
  // A sender can date an action as it likes: one that arrives while the agent is
  // contained is marked as received after the containment and raises the alert, but it
  // is not counted as done after it (reports keep the two apart).
  it("alerts on what arrives after the containment even when it is dated before it, and keeps the two marks apart", async () => {
    const agent = await createAgent(t.db);
    await containAgent(t.db, admin, agent.id, { reason: "test containment" });
    await send(action(agent.name, { occurredAt: new Date(Date.now() - 60_000).toISOString(), summary: "flushed late by the exporter" }));
    const [alert] = await alertsOf("use-after-containment", agent.id);
    expect(alert).toBeDefined();
    const [stored] = await t.db.select().from(actions).where(eq(actions.agentId, agent.id));
    expect(stored).toMatchObject({ afterContainment: false, receivedAfterContainment: true });
  });
});

describe("unknown-agent", () => {
  it("fires for an agent nobody registered, not for a registered one", async () => {
    const registered = await createAgent(t.db);
    await send(action(`shadow-bot-${Date.now()}`), action(registered.name));
    const fired = await alertsOf("unknown-agent");
    expect(fired.map((alert) => alert.subject)).toEqual([expect.stringMatching(/^shadow-bot-/)]);
    // The discovery and the alert both reached the audit chain, the discovery last.
    const entries = await t.db.select().from(auditEntries).where(eq(auditEntries.actorType, "rule"));
    expect(entries.some((entry) => entry.action === "alert.raised" && entry.actorLabel === "rule:unknown-agent")).toBe(true);
  });
});

describe("approval-required", () => {
  it("fires on an agent's permission change without approval, and not with one", async () => {
    const agent = await createAgent(t.db);
    const change = (extra: Record<string, unknown> = {}) =>
      action(agent.name, { kind: "permission_change", tool: "okta.remove_group_member", target: { type: "group", id: "ops", sensitivity: "internal" }, ...extra });
    await send(change({ approvalId: await approved(agent, "permission_change") }));
    expect(await alertsOf("approval-required", agent.id)).toHaveLength(0);
    await send(change());
    expect(await alertsOf("approval-required", agent.id)).toHaveLength(1);
  });
});

describe("alerts", () => {
  it("group repeated firings of one rule on one agent, and a dismissal opens a new group", async () => {
    const agent = await createAgent(t.db, { scopes: [] });
    const read = () => action(agent.name, { kind: "data_read", target: { type: "table", id: "t", sensitivity: "confidential" } });
    await send(read(), read());
    await send(read());
    const [alert] = await alertsOf("restricted-outside-scope", agent.id);
    expect(alert?.firings).toBe(3);
    await dismissAlert(t.db, admin, alert!.id, { reason: "expected during migration" });
    await send(read());
    const after = await alertsOf("restricted-outside-scope", agent.id);
    expect(after.map((row) => row.status).sort()).toEqual(["dismissed", "open"]);
  });

  it("stay quiet when the rule is disabled or the agent is excluded", async () => {
    const excluded = await createAgent(t.db, { scopes: [] });
    await updateRule(t.db, admin, "restricted-outside-scope", { agents: { exclude: [excluded.id] } });
    await send(action(excluded.name, { kind: "data_read", target: { type: "table", id: "t", sensitivity: "restricted" } }));
    expect(await alertsOf("restricted-outside-scope", excluded.id)).toHaveLength(0);
    await updateRule(t.db, admin, "restricted-outside-scope", { agents: { exclude: [] } });

    await updateRule(t.db, admin, "unknown-agent", { enabled: false });
    await send(action(`another-shadow-${Date.now()}`));
    expect((await alertsOf("unknown-agent")).some((alert) => alert.subject.startsWith("another-shadow"))).toBe(false);
    await updateRule(t.db, admin, "unknown-agent", { enabled: true });
  });

  it("reject thresholds the rule does not accept, and writes nothing", async () => {
    await expect(updateRule(t.db, admin, "rate-spike", { params: { factor: -1 } })).rejects.toMatchObject({ status: 400 });
    await expect(updateRule(t.db, admin, "no-such-rule", {})).rejects.toMatchObject({ status: 404 });
    const viewer = await createPerson(t.db, "viewer");
    await expect(updateRule(t.db, viewer, "rate-spike", { enabled: false })).rejects.toMatchObject({ status: 403 });
  });
});
