import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { openDatabase, type Database } from "@/db/client";
import { createTestDatabase, type TestDatabase } from "@/db/testing/test-database";
import { ingestActions } from "@/lib/actions/ingest-actions";
import { createAgent } from "@/lib/testing/agents";
import { action, createIngestCaller } from "@/lib/testing/ingest";
import { ACTIONS_CHANNEL } from "./publish-actions";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.close());

function nextPayload(database: Pick<Database, "listen">): Promise<{ ids: number[]; stop: () => Promise<void> }> {
  return new Promise((resolve) => {
    let stop: () => Promise<void> = async () => {};
    void database
      .listen(ACTIONS_CHANNEL, (payload) => resolve({ ids: JSON.parse(payload) as number[], stop: () => stop() }))
      .then((unlisten) => {
        stop = unlisten;
      });
  });
}

describe("live notifications", () => {
  it("announce stored actions when the transaction commits", async () => {
    const source = await createIngestCaller(t.db);
    const agent = await createAgent(t.db);
    const heard = nextPayload(t);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const result = await ingestActions(t.db, source, [action(agent.name), action(agent.name)]);
    const { ids, stop } = await heard;
    expect(ids).toHaveLength(result.accepted);
    await stop();
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
      expect(a.ids).toEqual(b.ids);
      await a.stop();
      await b.stop();
    } finally {
      await otherProcess.close();
    }
  });
});
