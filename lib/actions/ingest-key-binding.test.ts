// Issue: ingest keys speak for any agent. A key bound to named agents is refused for the
// others; and a contained agent's action that arrives after the containment is marked
// and alerted on even when it is dated before it.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/db/testing/test-database";
import { actions, ingestKeys } from "@/db/schema";
import { authenticateBearer } from "@/lib/auth/authenticate-bearer";
import { type IngestKeyCaller, systemCaller } from "@/lib/auth/caller";
import { containAgent } from "@/lib/containment/contain-agent";
import { createIngestKey } from "@/lib/keys/create-ingest-key";
import { createAgent } from "@/lib/testing/agents";
import { alertsOf } from "@/lib/testing/alerts";
import { action, createIngestCaller } from "@/lib/testing/ingest";
import { ingestActions } from "./ingest-actions";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.close());

describe("ingest keys bound to agents", () => {
  it("speaks only for its agents: another agent's action is rejected and nothing is stored for it", async () => {
    const mine = await createAgent(t.db, { name: "bound-mine" });
    const other = await createAgent(t.db, { name: "bound-other" });
    const created = await createIngestKey(t.db, systemCaller("test"), { name: "bound", agents: ["BOUND-MINE"] });
    expect(created.agentIds).toEqual([mine.id]);
    const caller = (await authenticateBearer(t.db, created.key)) as IngestKeyCaller;
    expect(caller.agentIds).toEqual([mine.id]);

    const result = await ingestActions(t.db, caller, [
      action(mine.name),
      action(other.name, { kind: "data_read", target: { type: "table", id: "payroll", sensitivity: "restricted" } }),
      action("never-heard-of"),
    ]);
    expect(result).toMatchObject({ accepted: 1, rejected: 2 });
    expect(result.results[1]).toMatchObject({ status: "rejected", reason: expect.stringContaining("bound to") });
    const stored = await t.db.select().from(actions).where(eq(actions.ingestKeyId, created.id));
    expect(stored.map((row) => row.agentId)).toEqual([mine.id]);
  });

  it("refuses to bind to an agent that does not exist, or to register unknown agents, and writes nothing", async () => {
    const before = (await t.db.select().from(ingestKeys)).length;
    await expect(createIngestKey(t.db, systemCaller("test"), { name: "bad", agents: ["nobody-at-all"] })).rejects.toMatchObject({ status: 400 });
    await expect(createIngestKey(t.db, systemCaller("test"), { name: "bad", agents: ["bound-mine"], unknownAgents: "register" })).rejects.toMatchObject({ status: 400 });
    expect((await t.db.select().from(ingestKeys)).length).toBe(before);
  });

  it("records which key brought each action", async () => {
    const agent = await createAgent(t.db);
    const source = await createIngestCaller(t.db);
    await ingestActions(t.db, source, [action(agent.name)]);
    const [row] = await t.db.select().from(actions).where(eq(actions.agentId, agent.id));
    expect(row?.ingestKeyId).toBe(source.id);
  });
});

describe("actions received after a containment", () => {
  it("are marked and alerted on even when they are dated before the containment", async () => {
    const agent = await createAgent(t.db, { name: "backdating-agent" });
    const source = await createIngestCaller(t.db);
    await containAgent(t.db, systemCaller("test"), agent.id, { reason: "test: contained before a backdated read" });
    const backdated = new Date(Date.now() - 60_000).toISOString();
    const sent = action(agent.name, { occurredAt: backdated, kind: "data_read", target: { type: "table", id: "payroll", sensitivity: "restricted" } });
    expect(await ingestActions(t.db, source, [sent])).toMatchObject({ accepted: 1 });
    const [row] = await t.db.select().from(actions).where(eq(actions.externalId, sent.id as string));
    expect(row).toMatchObject({ afterContainment: false, receivedAfterContainment: true });
    const alerts = await alertsOf(t.db, "use-after-containment", agent.id);
    expect(alerts.length).toBeGreaterThan(0);
  });

  it("are not marked before any containment", async () => {
    const agent = await createAgent(t.db);
    const source = await createIngestCaller(t.db);
    const sent = action(agent.name);
    await ingestActions(t.db, source, [sent]);
    const [row] = await t.db.select().from(actions).where(eq(actions.externalId, sent.id as string));
    expect(row).toMatchObject({ afterContainment: false, receivedAfterContainment: false });
  });
});
