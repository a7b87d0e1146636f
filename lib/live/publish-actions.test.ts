import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { openDatabase, type Database } from "@/db/client";
import { createTestDatabase, type TestDatabase } from "@/db/testing/test-database";
import { actions } from "@/db/schema";
import { ingestActions } from "@/lib/actions/ingest-actions";
import { createAgent } from "@/lib/testing/agents";
import { action, createIngestCaller } from "@/lib/testing/ingest";
import { ACTIONS_CHANNEL, publishActions } from "./publish-actions";
import { latestPosition, readBatchesAfter } from "./read-action-commits";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.close());

function nextPayload(database: Pick<Database, "listen">): Promise<{ position: number; stop: () => Promise<void> }> {
  return new Promise((resolve) => {
    let stop: () => Promise<void> = async () => {};
    void database
      .listen(ACTIONS_CHANNEL, (payload) => resolve({ position: Number(payload), stop: () => stop() }))
      .then((unlisten) => {
        stop = unlisten;
      });
  });
}

describe("live notifications", () => {
  it("announce the stored batch's stream position when the transaction commits", async () => {
    const source = await createIngestCaller(t.db);
    const agent = await createAgent(t.db);
    const heard = nextPayload(t);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const result = await ingestActions(t.db, source, [action(agent.name), action(agent.name)]);
    const { position, stop } = await heard;
    const [batch] = await readBatchesAfter(t.db, position - 1, 1);
    expect(batch?.position).toBe(position);
    expect(batch?.actions).toHaveLength(result.accepted);
    expect(batch?.lastActionId).toBe(Math.max(...(batch?.actions.map((item) => item.seq) ?? [])));
    await stop();
  });

  it.runIf(inject("dbKind") === "postgres")("number batches in commit order: one that drew its ids first but committed last comes after", async () => {
    if (!t.url) throw new Error("postgres test database has no url");
    const other = await openDatabase({ url: t.url });
    try {
      const source = await createIngestCaller(t.db);
      const agent = await createAgent(t.db);
      let release = () => {};
      const held = new Promise<void>((resolve) => (release = resolve));
      let early = 0;
      // A: draws its action id first, then waits before it publishes and commits.
      const slow = other.db.transaction(async (tx) => {
        const [row] = await tx
          .insert(actions)
          .values({ ingestKeyId: source.id, externalId: `slow-${Date.now()}`, agentId: agent.id, occurredAt: new Date(), kind: "tool_call" })
          .returning({ id: actions.id });
        early = row?.id ?? 0;
        await held;
        await publishActions(tx, [early]);
      });
      while (early === 0) await new Promise((resolve) => setTimeout(resolve, 10));
      // B: later ids, committed first.
      await ingestActions(t.db, source, [action(agent.name)]);
      const seen = await latestPosition(t.db);
      release();
      await slow;
      // A reader that had reached B's position still finds A after it.
      const after = await readBatchesAfter(t.db, seen.position, 10);
      expect(after.flatMap((batch) => batch.actions.map((item) => item.seq))).toEqual([early]);
      expect(seen.lastActionId).toBeGreaterThan(early);
    } finally {
      await other.close();
    }
  });

  it.runIf(inject("dbKind") === "postgres")("reach every server process", async () => {
    if (!t.url) throw new Error("postgres test database has no url");
    const otherProcess = await openDatabase({ url: t.url });
    try {
      const source = await createIngestCaller(t.db);
      const agent = await createAgent(t.db);
      const here = nextPayload(t);
      const there = nextPayload(otherProcess);
      await new Promise((resolve) => setTimeout(resolve, 100));
      await ingestActions(t.db, source, [action(agent.name)]);
      const [a, b] = await Promise.all([here, there]);
      expect(a.position).toEqual(b.position);
      await a.stop();
      await b.stop();
    } finally {
      await otherProcess.close();
    }
  });
});
