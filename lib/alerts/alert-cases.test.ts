// One story, one case: the March 2026 pattern (an agent's restricted read, its
// unapproved post, a person's widening of the same data set) groups into one case that
// suggests SEV1, and declaring from any of its alerts declares the whole case, from its
// earliest firing; resolving the incident resolves every one of them.
import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/db/testing/test-database";
import { alerts, incidentAgents, incidents } from "@/db/schema";
import type { IngestKeyCaller, UserCaller } from "@/lib/auth/caller";
import { updateIncident } from "@/lib/incidents/update-incident";
import { createAgent } from "@/lib/testing/agents";
import { alertsOf, sendAccepted } from "@/lib/testing/alerts";
import { action, createIngestCaller } from "@/lib/testing/ingest";
import { createPerson } from "@/lib/testing/people";
import { declareFromAlert } from "./declare-from-alert";
import { CASE_WINDOW_MS, groupAlertCases } from "./group-alert-cases";
import { listAlerts } from "./list-alerts";

let t: TestDatabase;
let responder: UserCaller;
let source: IngestKeyCaller;

beforeAll(async () => {
  t = await createTestDatabase();
  responder = await createPerson(t.db, "responder");
  source = await createIngestCaller(t.db, "reject");
});
afterAll(() => t.close());

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

async function playStory(tag: string) {
  const agent = await createAgent(t.db, { scopes: ["forum:post"] });
  const dataset = { type: "table", id: `analytics.pii_${tag}`, sensitivity: "restricted" };
  await sendAccepted(t.db, source, [
    action(agent.name, { kind: "data_read", occurredAt: minutesAgo(30), target: dataset }),
    action(agent.name, { kind: "message_post", occurredAt: minutesAgo(25), target: { type: "forum", id: `ask-${tag}`, sensitivity: "internal" } }),
    {
      id: `widen-${tag}-${Date.now()}`,
      actor: { type: "human", id: "sam.rivera@example.com" },
      occurredAt: minutesAgo(20),
      kind: "permission_change",
      tool: "warehouse.grant",
      target: dataset,
      attributes: { "permission.effect": "widen", "permission.grantee": "group:all-engineering" },
      outcome: "allowed",
    },
  ]);
  const [read] = await alertsOf(t.db, "restricted-outside-scope", agent.id);
  const [post] = await alertsOf(t.db, "unapproved-post", agent.id);
  const [widening] = await t.db.select().from(alerts).where(eq(alerts.groupKey, `permission-widening:target:table:${dataset.id}`));
  return { agent, read: read!, post: post!, widening: widening! };
}

describe("alert cases", () => {
  it("groups an agent's alerts and the widening of the data it read into one case that suggests SEV1", async () => {
    const story = await playStory("one");
    const other = await createAgent(t.db, { scopes: ["tickets:read"] });
    await sendAccepted(t.db, source, [action(other.name, { kind: "message_post", target: { type: "forum", id: "elsewhere", sensitivity: "internal" } })]);

    const list = await listAlerts(t.db, responder, { status: "open", limit: 100 });
    const storyCase = list.cases.find((group) => group.alertIds.includes(story.post.id));
    expect(storyCase?.alertIds).toEqual([story.read.id, story.post.id, story.widening.id]);
    expect(storyCase).toMatchObject({ agentId: story.agent.id, severity: "high", suggestedSeverity: "SEV1" });
    const otherCase = list.cases.find((group) => group.agentId === other.id);
    expect(otherCase).toMatchObject({ suggestedSeverity: "SEV2" });
    expect(otherCase?.alertIds).toHaveLength(1);
  });

  it("declares the whole case from any of its alerts, from the earliest firing, and resolving resolves them all", async () => {
    const story = await playStory("two");
    const { incident, created } = await declareFromAlert(t.db, responder, story.post.id, {});
    expect(created).toBe(true);
    expect(incident.severity).toBe("SEV1");
    expect(new Date(incident.startedAt).getTime()).toBe(story.read.firstSeenAt.getTime());
    const involved = await t.db.select().from(incidentAgents).where(eq(incidentAgents.incidentId, incident.id));
    expect(involved.map((row) => row.agentId)).toEqual([story.agent.id]);
    const linked = await t.db.select().from(alerts).where(inArray(alerts.id, [story.read.id, story.post.id, story.widening.id]));
    expect(linked.map((alert) => alert.incidentId)).toEqual([incident.id, incident.id, incident.id]);

    await updateIncident(t.db, responder, incident.id, { status: "resolved", resolutionSummary: "grant reverted, agent contained" });
    const after = await t.db.select().from(alerts).where(inArray(alerts.id, [story.read.id, story.post.id, story.widening.id]));
    expect(after.map((alert) => alert.status)).toEqual(["resolved", "resolved", "resolved"]);
    const [row] = await t.db.select().from(incidents).where(eq(incidents.id, incident.id));
    expect(row?.status).toBe("resolved");
  });
});

describe("groupAlertCases", () => {
  const at = (minutes: number) => new Date(Date.UTC(2026, 2, 1, 12, minutes));
  const alert = (id: string, fields: Partial<Parameters<typeof groupAlertCases>[0][number]>) => ({
    id,
    ruleKey: "unapproved-post",
    severity: "high",
    agentId: "agent-a",
    incidentId: null,
    firstSeenAt: at(0),
    lastSeenAt: at(0),
    ...fields,
  });

  it("keeps an agent's alerts apart when they are further apart than the window, and orders cases by severity", () => {
    const late = new Date(at(0).getTime() + CASE_WINDOW_MS + 60_000);
    const cases = groupAlertCases(
      [alert("a1", {}), alert("a2", { firstSeenAt: late, lastSeenAt: late }), alert("b1", { agentId: "agent-b", severity: "critical", ruleKey: "use-after-containment" })],
      new Map(),
    );
    expect(cases.map((group) => group.alertIds)).toEqual([["b1"], ["a2"], ["a1"]]);
    expect(cases[0]?.suggestedSeverity).toBe("SEV1");
  });

  it("joins a person's change to an agent's case only through a shared target", () => {
    const targets = new Map([
      ["a1", [{ key: "table:x", sensitivity: "restricted" }]],
      ["p1", [{ key: "table:x", sensitivity: "restricted" }]],
      ["p2", [{ key: "table:y", sensitivity: "restricted" }]],
    ]);
    const people = { agentId: null, ruleKey: "permission-widening" };
    const cases = groupAlertCases([alert("a1", { ruleKey: "restricted-outside-scope" }), alert("p1", people), alert("p2", people)], targets);
    expect(cases.find((group) => group.alertIds.includes("a1"))?.alertIds.sort()).toEqual(["a1", "p1"]);
    expect(cases.find((group) => group.alertIds.includes("p2"))?.alertIds).toEqual(["p2"]);
  });
});
