import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/db/testing/test-database";
import { actions, agents, auditEntries } from "@/db/schema";
import { createAgent } from "@/lib/testing/agents";
import { action, createIngestCaller } from "@/lib/testing/ingest";
import { createPerson } from "@/lib/testing/people";
import { ingestActions } from "./ingest-actions";
import { listActions } from "./list-actions";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.close());

const count = async () => (await t.db.select().from(actions)).length;

describe("ingestActions", () => {
  it("stores a batch once: the same batch again is all duplicates, and nothing is doubled", async () => {
    const source = await createIngestCaller(t.db);
    const agent = await createAgent(t.db, { name: "idem-agent" });
    const batch = [action(agent.name), action(agent.id, { kind: "data_read", target: { type: "table", id: "payroll", sensitivity: "restricted" } })];
    const first = await ingestActions(t.db, source, batch);
    expect(first).toMatchObject({ accepted: 2, duplicates: 0, rejected: 0 });
    const before = await count();
    const again = await ingestActions(t.db, source, batch);
    expect(again).toMatchObject({ accepted: 0, duplicates: 2, rejected: 0 });
    expect(again.results.map((result) => result.status)).toEqual(["duplicate", "duplicate"]);
    expect(await count()).toBe(before);
    const [row] = await t.db.select().from(agents).where(eq(agents.id, agent.id));
    expect(row?.lastSeenAt).toBeInstanceOf(Date);
  });

  it("stores every field as sent, odd text included, and moves last-seen forward only", async () => {
    const source = await createIngestCaller(t.db);
    const agent = await createAgent(t.db);
    const sent = action(agent.name, {
      kind: "message_post",
      tool: "forum.post_reply",
      target: { type: "forum", id: "eng/1", uri: "https://forum.example.com/t/1", sensitivity: "internal" },
      onBehalfOf: "jordan@example.com",
      credential: "tq_at_abc",
      summary: "emoji 👩‍💻, quote ' and \"double\", lone \ud800 surrogate",
      attributes: { nested: { list: [1, "two", null] }, "permission.effect": "widen" },
      traceId: "0AF7651916CD43DD8448EB211C80319C",
      spanId: "B7AD6B7169203331",
      approvalId: "00000000-0000-4000-8000-000000000abc",
    });
    await ingestActions(t.db, source, [sent]);
    const [row] = await t.db.select().from(actions).where(eq(actions.externalId, sent.id as string));
    expect(row).toMatchObject({
      kind: "message_post",
      targetUri: "https://forum.example.com/t/1",
      sensitivity: "internal",
      credential: "tq_at_abc",
      summary: "emoji 👩‍💻, quote ' and \"double\", lone \ufffd surrogate",
      attributes: { nested: { list: [1, "two", null] }, "permission.effect": "widen" },
      traceId: "0af7651916cd43dd8448eb211c80319c",
      approvalId: "00000000-0000-4000-8000-000000000abc",
      afterContainment: false,
    });
    expect(row?.occurredAt.toISOString()).toBe(sent.occurredAt);
    const older = action(agent.name, { occurredAt: new Date(Date.now() - 3_600_000).toISOString() });
    await ingestActions(t.db, source, [older]);
    const [seen] = await t.db.select().from(agents).where(eq(agents.id, agent.id));
    expect(seen?.lastSeenAt?.toISOString()).toBe(sent.occurredAt);
  });

  it("rejects timestamps before 2000 and attributes nested too deep, and stores odd keys", async () => {
    const source = await createIngestCaller(t.db);
    const agent = await createAgent(t.db);
    let deep: Record<string, unknown> = { leaf: "x\u0000" };
    for (let level = 0; level < 80; level++) deep = { next: deep };
    const result = await ingestActions(t.db, source, [
      action(agent.name, { occurredAt: "0000-06-01T00:00:00Z" }),
      action(agent.name, { attributes: deep }),
      action(agent.name, { attributes: { "k\ud800": "v" } }),
    ]);
    expect(result.results.map((item) => item.status)).toEqual(["rejected", "rejected", "accepted"]);
    expect(result.results[0]).toMatchObject({ reason: expect.stringContaining("before the year 2000") });
    expect(result.results[1]).toMatchObject({ reason: expect.stringContaining("levels deep") });
  });

  it("rejects bad items with their reason and keeps the valid ones", async () => {
    const source = await createIngestCaller(t.db);
    const agent = await createAgent(t.db);
    const good = action(agent.name);
    const batch = [
      good,
      action(agent.name, { kind: "teleport" }),
      action(agent.name, { occurredAt: "yesterday" }),
      action("nobody-knows-me"),
      { ...action(agent.name), id: undefined },
      "not an object",
      action(agent.name, { target: { type: "table", id: "x" } }),
      { ...good },
    ];
    const result = await ingestActions(t.db, source, batch);
    expect(result).toMatchObject({ accepted: 1, duplicates: 1, rejected: 6 });
    const reasons = result.results.filter((item) => item.status === "rejected").map((item) => ("reason" in item ? item.reason : ""));
    expect(reasons[0]).toMatch(/^kind: kind is one of/);
    expect(reasons[1]).toMatch(/^occurredAt:/);
    expect(reasons[2]).toMatch(/unknown agent "nobody-knows-me": register it first/);
    expect(reasons[3]).toMatch(/^id:/);
    expect(reasons[5]).toMatch(/^target.sensitivity:/);
    expect(result.results[0]).toMatchObject({ index: 0, id: good.id, status: "accepted" });
  });

  it("rejects an item holding a NUL character and keeps the rest", async () => {
    const source = await createIngestCaller(t.db);
    const agent = await createAgent(t.db);
    const result = await ingestActions(t.db, source, [action(agent.name, { summary: "a\u0000b" }), action(agent.name, { attributes: { "k\u0000": 1 } }), action(agent.name)]);
    expect(result).toMatchObject({ accepted: 1, rejected: 2 });
    expect(result.results[0]).toMatchObject({ status: "rejected", reason: expect.stringMatching(/NUL/) });
  });

  it("writes nothing when every item is bad", async () => {
    const source = await createIngestCaller(t.db);
    const before = { actions: await count(), agents: (await t.db.select().from(agents)).length };
    const result = await ingestActions(t.db, source, [{}, null, 42, action("ghost")]);
    expect(result.accepted).toBe(0);
    expect({ actions: await count(), agents: (await t.db.select().from(agents)).length }).toEqual(before);
  });

  it("registers an unknown agent as unregistered when the key allows it, once, with an audit entry", async () => {
    const source = await createIngestCaller(t.db, "register");
    const [first, second] = await Promise.all([
      ingestActions(t.db, source, [action("shadow-bot")]),
      ingestActions(t.db, source, [action("Shadow-Bot")]),
    ]);
    expect(first.accepted + second.accepted).toBe(2);
    const shadows = await t.db.select().from(agents).where(eq(agents.name, "shadow-bot"));
    expect(shadows).toHaveLength(1);
    expect(shadows[0]).toMatchObject({ status: "unregistered", risk: "high" });
    const discovered = await t.db.select().from(auditEntries).where(eq(auditEntries.action, "agent.discovered"));
    expect(discovered).toHaveLength(1);
    expect(discovered[0]).toMatchObject({ actorType: "ingest_key", actorId: source.id });
  });

  it("records a person's access event with a human actor and no agent", async () => {
    const source = await createIngestCaller(t.db);
    const viewer = await createPerson(t.db, "viewer");
    const event = action("", { agent: undefined, actor: { type: "human", id: "eng.lee@example.com" }, kind: "data_read", target: { type: "doc", id: "salaries.xlsx", sensitivity: "restricted" } });
    expect((await ingestActions(t.db, source, [event])).accepted).toBe(1);
    const page = await listActions(t.db, viewer, { sensitivity: "restricted" });
    expect(page.actions.find((item) => item.id === event.id)).toMatchObject({ actor: { type: "human", id: "eng.lee@example.com" }, agent: null });
  });

  it("refuses a batch over 1,000 actions whole, rather than dropping the rest", async () => {
    const source = await createIngestCaller(t.db);
    const before = await count();
    await expect(ingestActions(t.db, source, Array.from({ length: 1001 }, () => ({})))).rejects.toMatchObject({ status: 413 });
    expect(await count()).toBe(before);
  });

  it("is for ingest keys only", async () => {
    const admin = await createPerson(t.db, "admin");
    await expect(ingestActions(t.db, admin, [])).rejects.toMatchObject({ status: 403 });
  });
});
