import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/db/testing/test-database";
import type { UserCaller } from "@/lib/auth/caller";
import { createAgent } from "@/lib/testing/agents";
import { action, createIngestCaller } from "@/lib/testing/ingest";
import { createPerson } from "@/lib/testing/people";
import { actionFilter } from "./action-filter";
import { actionHistogram } from "./action-histogram";
import { ingestActions } from "./ingest-actions";
import { listActions } from "./list-actions";

let t: TestDatabase;
let viewer: UserCaller;
let agentId: string;
const base = Date.now() - 60 * 60 * 1000;
beforeAll(async () => {
  t = await createTestDatabase();
  viewer = await createPerson(t.db, "viewer");
  const source = await createIngestCaller(t.db);
  const agent = await createAgent(t.db, { name: "lister" });
  const other = await createAgent(t.db, { name: "other" });
  agentId = agent.id;
  const batch = Array.from({ length: 25 }, (_, index) =>
    action(index % 5 === 0 ? other.name : agent.name, {
      id: `list-${index}`,
      occurredAt: new Date(base + index * 60_000).toISOString(),
      kind: index % 2 ? "data_read" : "tool_call",
      outcome: index % 7 === 0 ? "denied" : "allowed",
      target: { type: "table", id: `t${index}`, sensitivity: index % 3 === 0 ? "restricted" : "internal" },
      onBehalfOf: index % 4 === 0 ? "dana@example.com" : undefined,
      summary: index === 13 ? "exported the payroll table" : `step ${index}`,
    }),
  );
  await ingestActions(t.db, source, batch);
});
afterAll(() => t.close());

describe("listActions", () => {
  it("pages newest first with a cursor, without gaps or repeats", async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listActions(t.db, viewer, { limit: 7, cursor });
      seen.push(...page.actions.map((item) => item.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(Array.from({ length: 25 }, (_, index) => `list-${24 - index}`));
  });

  it("filters by agent, kind, sensitivity, outcome, on behalf of, time window and text", async () => {
    const ids = async (query: Parameters<typeof listActions>[2]) => (await listActions(t.db, viewer, query)).actions.map((item) => item.id);
    expect((await ids({ agentId })).length).toBe(20);
    expect((await ids({ kind: "data_read" })).length).toBe(12);
    expect(await ids({ sensitivity: "restricted", outcome: "denied" })).toEqual(["list-21", "list-0"]);
    expect((await ids({ onBehalfOf: "dana@example.com" })).length).toBe(7);
    expect(await ids({ from: new Date(base + 10 * 60_000).toISOString(), to: new Date(base + 12 * 60_000).toISOString() })).toEqual(["list-11", "list-10"]);
    expect(await ids({ q: "payroll" })).toEqual(["list-13"]);
  });

  it("refuses a forged cursor, unknown filter values and dates PostgreSQL cannot hold with 400", async () => {
    await expect(listActions(t.db, viewer, { from: "-271821-04-20T00:00:00Z" })).rejects.toMatchObject({ status: 400 });
    await expect(listActions(t.db, viewer, { cursor: Buffer.from("-271821-04-20T00:00:00.000Z|5").toString("base64url") })).rejects.toMatchObject({ status: 400 });
    await expect(listActions(t.db, viewer, { cursor: "bm9wZQ" })).rejects.toMatchObject({ status: 400 });
    await expect(listActions(t.db, viewer, { kind: "teleport" as never })).rejects.toMatchObject({ status: 400 });
  });
});

describe("actionHistogram", () => {
  it("never makes more than about 60 buckets, however wide the window", async () => {
    const filter = actionFilter.parse({ from: "0001-01-01T00:00:00Z", to: "9999-12-31T00:00:00Z" });
    const wide = await actionHistogram(t.db, viewer, filter);
    expect(wide.buckets.length).toBeLessThanOrEqual(61);
  });

  it("counts actions per bucket, stacked by outcome or sensitivity", async () => {
    const filter = actionFilter.parse({ from: new Date(base).toISOString(), to: new Date(base + 30 * 60_000).toISOString() });
    const byOutcome = await actionHistogram(t.db, viewer, filter, "outcome");
    expect(byOutcome.bucketSeconds).toBe(30);
    expect(byOutcome.buckets).toHaveLength(61);
    const total = (key: string) => byOutcome.buckets.reduce((sum, bucket) => sum + (bucket.counts[key] ?? 0), 0);
    expect(total("allowed") + total("denied")).toBe(25);
    expect(total("denied")).toBe(4);
    const bySensitivity = await actionHistogram(t.db, viewer, filter, "sensitivity");
    expect(bySensitivity.buckets.reduce((sum, bucket) => sum + (bucket.counts.restricted ?? 0), 0)).toBe(9);
  });
});

describe.runIf(inject("dbKind") === "postgres")("the timeline's query plans", () => {
  it("walk an index in timeline order for the first page of each single filter, never sorting the table", async () => {
    await t.db.execute(sql.raw(`
      insert into actions (ingest_key_id, external_id, agent_id, occurred_at, kind, sensitivity, outcome, on_behalf_of)
      select ingest_key_id, 'plan-' || g, agent_id, now() - (g || ' seconds')::interval,
             (array['tool_call','data_read','permission_change','other'])[1 + g % 4]::action_kind,
             (array['internal','restricted'])[1 + g % 2]::sensitivity, (array['allowed','denied'])[1 + g % 3 / 2]::action_outcome, 'p' || (g % 50)
      from (select ingest_key_id, agent_id from actions where agent_id = '${agentId}' limit 1) a, generate_series(1, 20000) g`));
    await t.db.execute(sql`analyze actions`);
    const filters = ["", `where agent_id = '${agentId}'`, "where kind = 'permission_change'", "where outcome = 'denied'", "where on_behalf_of = 'p7'"];
    for (const where of filters) {
      const rows = (await t.db.execute(sql.raw(`explain select * from actions ${where} order by occurred_at desc, id desc limit 101`))) as unknown as Record<string, string>[];
      const plan = rows.map((row) => Object.values(row).join(" ")).join("\n");
      expect(plan, where).toMatch(/Index Scan Backward using actions_/);
      // A Sort node (not a Merge Append's "Sort Key", which merges the partitions' index scans).
      expect(plan, where).not.toMatch(/Sort\s+\(cost|Seq Scan/);
    }
  });
});
