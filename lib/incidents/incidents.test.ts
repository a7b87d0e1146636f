import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/db/testing/test-database";
import { ingestActions } from "@/lib/actions/ingest-actions";
import type { UserCaller } from "@/lib/auth/caller";
import { containAgent } from "@/lib/containment/contain-agent";
import { createAgent } from "@/lib/testing/agents";
import { action, createIngestCaller } from "@/lib/testing/ingest";
import { createPerson } from "@/lib/testing/people";
import { parse } from "csv-parse/sync";
import { blastRadius } from "./blast-radius";
import { blastRadiusCsv } from "./blast-radius-csv";
import { declareIncident } from "./declare-incident";
import { getIncident } from "./get-incident";
import { declareIncidentInput } from "./incident-fields";
import { listIncidents } from "./list-incidents";
import { updateIncident } from "./update-incident";

let t: TestDatabase;
let responder: UserCaller;
beforeAll(async () => {
  t = await createTestDatabase();
  responder = await createPerson(t.db, "responder");
});
afterAll(() => t.close());

const declare = (fields: Record<string, unknown>) => declareIncident(t.db, responder, declareIncidentInput.parse({ title: "Forum assistant exposure", severity: "SEV1", ...fields }));

describe("the incident lifecycle", () => {
  it("moves to contained, with the time, when every involved agent is contained", async () => {
    const [a, b] = [await createAgent(t.db), await createAgent(t.db)];
    const incident = await declare({ agentIds: [a.id, b.id] });
    expect(incident).toMatchObject({ status: "investigating", containedAt: null, commander: responder.email });
    await containAgent(t.db, responder, a.id, { reason: "first", incidentId: incident.id });
    expect((await getIncident(t.db, responder, incident.id)).incident.status).toBe("investigating");
    await containAgent(t.db, responder, b.id, { reason: "second" }); // without naming the incident
    const detail = await getIncident(t.db, responder, incident.id);
    expect(detail.incident.status).toBe("contained");
    expect(detail.incident.containedAt).not.toBeNull();
    expect(detail.events.map((event) => event.kind)).toEqual(expect.arrayContaining(["declared", "agent_added", "containment", "status_change"]));
    expect(detail.metrics.timeToContainSeconds).not.toBeNull();
  });

  it("contain first, declare later: the containment is the incident's, at its own time, in the responder log and the report", async () => {
    const agent = await createAgent(t.db);
    const startedAt = new Date(Date.now() - 60_000);
    const { containment } = await containAgent(t.db, responder, agent.id, { reason: "cut before anyone declared" });
    await new Promise((resolve) => setTimeout(resolve, 20)); // the declaration comes strictly later
    const incident = await declare({ agentIds: [agent.id], startedAt: startedAt.toISOString() });
    expect(incident.status).toBe("contained");
    expect(incident.containedAt).toBe(containment.startedAt);
    expect(new Date(incident.declaredAt).getTime()).toBeGreaterThan(new Date(containment.startedAt).getTime());
    const detail = await getIncident(t.db, responder, incident.id);
    const logged = detail.events.filter((event) => event.kind === "containment");
    expect(logged).toHaveLength(1);
    expect(new Date(logged[0]?.occurredAt ?? 0).toISOString()).toBe(containment.startedAt);
    expect(detail.metrics.timeToContainSeconds).toBeLessThanOrEqual(60);

    // Added to an open incident later, an agent contained since its impact began makes it contained too.
    const other = await createAgent(t.db);
    const open = await declare({ startedAt: startedAt.toISOString() });
    const { containment: second } = await containAgent(t.db, responder, other.id, { reason: "also cut early" });
    const edited = await updateIncident(t.db, responder, open.id, { addAgentIds: [other.id] });
    expect(edited).toMatchObject({ status: "contained", containedAt: second.startedAt });
    // Declaring again, or editing again, logs it once.
    await updateIncident(t.db, responder, open.id, { note: "checked" });
    expect((await getIncident(t.db, responder, open.id)).events.filter((event) => event.kind === "containment")).toHaveLength(1);
  });

  it("follows the allowed transitions: closing needs resolving first, closed is final, resolved may reopen", async () => {
    const incident = await declare({});
    await expect(updateIncident(t.db, responder, incident.id, { status: "closed" })).rejects.toMatchObject({ status: 409 });
    const resolved = await updateIncident(t.db, responder, incident.id, { status: "resolved" });
    expect(resolved.resolvedAt).not.toBeNull();
    const reopened = await updateIncident(t.db, responder, incident.id, { status: "investigating" });
    expect(reopened.resolvedAt).toBeNull();
    await updateIncident(t.db, responder, incident.id, { status: "resolved" });
    const closed = await updateIncident(t.db, responder, incident.id, { status: "closed" });
    expect(closed.closedAt).not.toBeNull();
    await expect(updateIncident(t.db, responder, incident.id, { note: "late" })).rejects.toMatchObject({ status: 409 });
  });

  it("refuses impact that starts after detection, viewers, and unknown incidents", async () => {
    const detected = new Date(Date.now() - 3600_000);
    await expect(declare({ startedAt: new Date().toISOString(), detectedAt: detected.toISOString() })).rejects.toMatchObject({ status: 400 });
    const viewer = await createPerson(t.db, "viewer");
    await expect(declareIncident(t.db, viewer, declareIncidentInput.parse({ title: "nope", severity: "SEV4" }))).rejects.toMatchObject({ status: 403 });
    await expect(updateIncident(t.db, responder, "00000000-0000-4000-8000-000000000000", { note: "x" })).rejects.toMatchObject({ status: 404 });
    await expect(containAgent(t.db, responder, (await createAgent(t.db)).id, { reason: "x y z", incidentId: "00000000-0000-4000-8000-000000000000" })).rejects.toMatchObject({ status: 404 });
  });

  it("reports medians of time to detect, contain and resolve", async () => {
    const list = await listIncidents(t.db, responder);
    expect(list.incidents.length).toBeGreaterThanOrEqual(2);
    expect(list.medians.timeToDetectSeconds).not.toBeNull();
  });
});

describe("blast radius", () => {
  it("counts what the agent touched, the permission change it caused, and who accessed what, for how long", async () => {
    const source = await createIngestCaller(t.db);
    const agent = await createAgent(t.db, { name: "forum-bot" });
    const base = Date.now() - 3 * 3600_000;
    const at = (minutes: number) => new Date(base + minutes * 60_000).toISOString();
    const group = { type: "group", id: "data-readers", sensitivity: "confidential" };
    const secret = { type: "table", id: "hr.pay", sensitivity: "restricted" };
    await ingestActions(t.db, source, [
      action(agent.name, { id: "b1", occurredAt: at(1), kind: "data_read", target: group }),
      action(agent.name, { id: "b2", occurredAt: at(2), kind: "message_post", target: { type: "thread", id: "4821", sensitivity: "internal" } }),
      action("", { id: "b3", agent: undefined, actor: { type: "human", id: "sam@example.com" }, occurredAt: at(10), kind: "permission_change", target: group }),
      ...[0, 1, 2].map((n) => action("", { id: `b4-${n}`, agent: undefined, actor: { type: "human", id: "noah@example.com" }, occurredAt: at(20 + n), kind: "data_read", target: secret })),
      action("", { id: "b5", agent: undefined, actor: { type: "human", id: "emma@example.com" }, occurredAt: at(30), kind: "data_read", target: secret }),
      action("", { id: "b6", agent: undefined, actor: { type: "human", id: "liam@example.com" }, occurredAt: at(40), kind: "data_read", target: secret, outcome: "denied" }),
      action("", { id: "b7", agent: undefined, actor: { type: "human", id: "late@example.com" }, occurredAt: at(170), kind: "data_read", target: secret }),
    ]);
    const incident = await declare({ agentIds: [agent.id], startedAt: at(0), detectedAt: at(60) });
    await updateIncident(t.db, responder, incident.id, { status: "resolved" });
    // Resolved now, so the window is [start, now): the late read at +170 min is inside, the denied one never counts.
    const radius = await blastRadius(t.db, responder, incident.id);
    expect(radius.touched.map((resource) => `${resource.sensitivity} ${resource.id} ${resource.actions}`)).toEqual(["confidential data-readers 1", "internal 4821 1"]);
    expect(radius.permissionChanges).toEqual([expect.objectContaining({ made: "person", actor: "sam@example.com", target: "group data-readers" })]);
    const people = Object.fromEntries(radius.people.map((person) => [person.person, person.accesses]));
    expect(people).toEqual({ "noah@example.com": 3, "emma@example.com": 1, "late@example.com": 1 });
    expect(radius.exposure).toMatchObject({ people: 3, accesses: 5, from: at(20), to: at(170), durationSeconds: 150 * 60 });
  });

  it("lists each person per data set with first and last access and clearance, the uncleared first, and exports it as plain CSV", async () => {
    const source = await createIngestCaller(t.db);
    const agent = await createAgent(t.db, { name: "warehouse-bot" });
    const base = Date.now() - 3 * 3600_000;
    const at = (minutes: number) => new Date(base + minutes * 60_000).toISOString();
    const pii = { type: "table", id: "analytics.pii", sensitivity: "restricted" };
    const plan = { type: "doc", id: "plan, \"q3\"", sensitivity: "confidential" };
    const human = (id: string, person: string, minute: number, target: typeof pii, cleared?: boolean) =>
      action("", { id, agent: undefined, actor: { type: "human", id: person }, occurredAt: at(minute), kind: "data_read", target, attributes: cleared === undefined ? undefined : { "access.cleared": cleared } });
    await ingestActions(t.db, source, [
      action(agent.name, { id: "c1", occurredAt: at(1), kind: "data_read", target: pii }),
      human("c2", "ada@example.com", 5, pii, true),
      human("c3", "bo@example.com", 10, pii, false),
      human("c4", "bo@example.com", 70, pii, false),
      human("c5", "bo@example.com", 12, plan),
      human("c6", "cy@example.com", 20, pii),
    ]);
    const incident = await declare({ agentIds: [agent.id], startedAt: at(0), detectedAt: at(60) });
    // The window is open until now, so the test above's reads are in it too: look at this test's data sets.
    const mine = (id: string) => id === pii.id || id === plan.id;
    const radius = await blastRadius(t.db, responder, incident.id);
    radius.exposures = radius.exposures.filter((row) => mine(row.resourceId));
    expect(radius.exposures.map((row) => [row.person, row.resourceId, row.accesses, row.cleared])).toEqual([
      ["bo@example.com", "analytics.pii", 2, false],
      ["cy@example.com", "analytics.pii", 1, null],
      ["bo@example.com", "plan, \"q3\"", 1, null],
      ["ada@example.com", "analytics.pii", 1, true],
    ]);
    expect(radius.exposures[0]).toMatchObject({ sensitivity: "restricted", first: at(10), last: at(70), durationSeconds: 3600 });

    const rows = parse(blastRadiusCsv(radius.exposures), { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(4);
    expect(rows[0]).toEqual({
      person: "bo@example.com",
      data_set_type: "table",
      data_set: "analytics.pii",
      sensitivity: "restricted",
      accesses: "2",
      first_access: at(10),
      last_access: at(70),
      duration_seconds: "3600",
      cleared: "no",
    });
    expect(rows.map((row) => row.data_set)).toContain('plan, "q3"');
    expect(rows.map((row) => row.cleared)).toEqual(["no", "unknown", "unknown", "yes"]);
  });
});
