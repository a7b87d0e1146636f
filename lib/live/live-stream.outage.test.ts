// The live stream across a database outage, on a PostgreSQL cluster of this test's own
// (stopped and started here; never the shared server): a subscriber that stays
// connected ends with every stored action and no reload, and one that reconnects
// with Last-Event-ID gets exactly what it missed.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { clusterBinariesPresent, createOwnCluster, type OwnCluster } from "@/db/testing/own-cluster";
import type { Db } from "@/db/client";
import type { PublicAction } from "@/lib/actions/public-action";
import { type UserCaller } from "@/lib/auth/caller";
import { readSse, type SseReader } from "@/lib/testing/sse";

// Runs once per test run: on the postgres project when there is one, else on pglite's.
const runHere = clusterBinariesPresent && (inject("dbKind") === "postgres" || !process.env.TEST_DATABASE_URL);
const PORT = 5472;

let cluster: OwnCluster;
let db: Db;
let viewer: UserCaller;
let openLiveStream: typeof import("./live-stream").openLiveStream;
let ingest: (batch: Record<string, unknown>[]) => Promise<number>;
let agentName: string;
let dataDir: string;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

beforeAll(async () => {
  if (!runHere) return;
  cluster = createOwnCluster(PORT);
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "tq-live-outage-"));
  Object.assign(process.env, { DATABASE_URL: cluster.url, TOURNIQUET_DEMO_DATA: "false", TOURNIQUET_DATA_DIR: dataDir });
  const { getDb } = await import("@/lib/db");
  db = await getDb();
  ({ openLiveStream } = await import("./live-stream"));
  const { createPerson } = await import("@/lib/testing/people");
  const { createAgent } = await import("@/lib/testing/agents");
  const { createIngestCaller } = await import("@/lib/testing/ingest");
  const { ingestActions } = await import("@/lib/actions/ingest-actions");
  viewer = await createPerson(db, "viewer");
  agentName = (await createAgent(db)).name;
  const source = await createIngestCaller(db);
  ingest = async (batch) => (await ingestActions(db, source, batch)).accepted;
}, 120_000);

afterAll(async () => {
  if (!runHere) return;
  const { getDatabase } = await import("@/lib/db");
  await (await getDatabase()).close().catch(() => {});
  cluster.destroy();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

function subscribe(lastEventId: string | null = null): { reader: SseReader; abort: AbortController } {
  const abort = new AbortController();
  const body = openLiveStream({ db, caller: viewer, signal: abort.signal, actions: true, lastEventId });
  return { reader: readSse(body), abort };
}

const seqsOf = (reader: SseReader) =>
  reader.events.filter((event) => event.event === "actions").flatMap((event) => (JSON.parse(event.data) as PublicAction[]).map((action) => action.seq));

let counter = 0;
const batchOf = (size: number) =>
  Array.from({ length: size }, () => ({
    id: `outage-${++counter}`,
    agent: agentName,
    occurredAt: new Date().toISOString(),
    kind: "tool_call",
    outcome: "allowed",
  }));

async function storedSeqs(after: number): Promise<number[]> {
  const { sql } = await import("drizzle-orm");
  const rows = (await db.execute(sql`select id from actions where id > ${after} order by id`)) as unknown as { id: string | number }[];
  return rows.map((row) => Number(row.id));
}

async function until(check: () => boolean | Promise<boolean>, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`not within ${ms} ms`);
    await sleep(50);
  }
}

describe.runIf(runHere)("the live stream across a database outage", () => {
  it("delivers every stored action to a connected subscriber, and replays exactly what a reconnecting one missed", async () => {
    const [floor] = await storedSeqs(0).then((all) => [all.at(-1) ?? 0]);
    const connected = subscribe();
    const leaving = subscribe();
    await until(() => connected.reader.events.some((event) => event.event === "ready") && leaving.reader.events.some((event) => event.event === "ready"), 10_000);

    // Three concurrent senders: batches commit out of the order they drew their ids.
    let sending = true;
    const senders = Array.from({ length: 3 }, async () => {
      while (sending) {
        await ingest(batchOf(20)).catch(() => 0); // refused while the database is down; the sender goes on
        await sleep(10);
      }
    });
    await until(() => seqsOf(leaving.reader).length >= 100, 15_000);
    // The second subscriber goes away, remembering the last id it saw.
    leaving.abort.abort();
    await leaving.reader.cancel();
    const lastId = leaving.reader.events.filter((event) => event.id).at(-1)?.id ?? null;
    const seenBeforeLeaving = new Set(seqsOf(leaving.reader));

    cluster.stop();
    await sleep(4_000);
    cluster.start();
    await sleep(3_000);
    sending = false;
    await Promise.all(senders);

    const stored = await storedSeqs(floor ?? 0);
    expect(stored.length).toBeGreaterThan(200);
    await until(() => new Set(seqsOf(connected.reader)).size >= stored.length, 10_000).catch((error: unknown) => {
      console.error(`stored ${stored.length}, received ${new Set(seqsOf(connected.reader)).size}, events: ${connected.reader.events.map((event) => event.event).join(",").slice(-300)}`);
      throw error;
    });
    const received = seqsOf(connected.reader);
    expect(new Set(received).size).toBe(received.length); // nothing twice
    expect([...received].sort((a, b) => a - b)).toEqual(stored);
    expect(connected.reader.events.some((event) => event.event === "reload")).toBe(false);
    connected.abort.abort();

    // Reconnecting with its Last-Event-ID: exactly the actions it had not seen.
    expect(lastId).not.toBeNull();
    const back = subscribe(lastId);
    const missed = stored.filter((seq) => !seenBeforeLeaving.has(seq));
    await until(() => seqsOf(back.reader).length >= missed.length, 10_000).catch((error: unknown) => {
      console.error(`missed ${missed.length}, replayed ${seqsOf(back.reader).length}, events: ${back.reader.events.map((event) => `${event.event}:${event.id}:${event.data.slice(0, 80)}`).join(",").slice(-400)} lastId ${lastId}`);
      throw error;
    });
    await sleep(200);
    expect(back.reader.events.some((event) => event.event === "reload")).toBe(false);
    expect([...seqsOf(back.reader)].sort((a, b) => a - b)).toEqual(missed);
    back.abort.abort();
  }, 90_000);

  it("answers a Last-Event-ID it cannot resume from with a reload event", async () => {
    const stale = subscribe("999999999");
    await until(() => stale.reader.events.some((event) => event.event === "reload"), 10_000);
    const reload = stale.reader.events.find((event) => event.event === "reload");
    expect(JSON.parse(reload?.data ?? "{}")).toMatchObject({ reason: expect.stringMatching(/too old/) });
    stale.abort.abort();
  });
});
