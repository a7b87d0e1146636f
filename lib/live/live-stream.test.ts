// Slow readers and the per-caller cap: a client that stops reading is told it was
// dropped and disconnected, with what waited for it bounded; a caller cannot hold more
// than its share of live connections.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Db } from "@/db/client";
import type { UserCaller } from "@/lib/auth/caller";
import { RetryLaterError } from "@/lib/errors";
import { readSse } from "@/lib/testing/sse";

// The live hub uses the server's own database (lib/db): an embedded one in a folder of its own.
const runHere = inject("dbKind") === "pglite";
let db: Db;
let dataDir: string;
let viewer: UserCaller;
let live: typeof import("./live-stream");
let connections: typeof import("./live-connections");
let ingest: (batch: Record<string, unknown>[]) => Promise<unknown>;
let agentName: string;

beforeAll(async () => {
  if (!runHere) return;
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "tq-live-"));
  Object.assign(process.env, { DATABASE_URL: "", TOURNIQUET_DEMO_DATA: "false", TOURNIQUET_DATA_DIR: dataDir });
  db = await (await import("@/lib/db")).getDb();
  live = await import("./live-stream");
  connections = await import("./live-connections");
  viewer = await (await import("@/lib/testing/people")).createPerson(db, "viewer");
  agentName = (await (await import("@/lib/testing/agents")).createAgent(db)).name;
  const source = await (await import("@/lib/testing/ingest")).createIngestCaller(db);
  const { ingestActions } = await import("@/lib/actions/ingest-actions");
  ingest = (batch) => ingestActions(db, source, batch);
}, 60_000);

afterAll(async () => {
  if (!runHere) return;
  await (await (await import("@/lib/db")).getDatabase()).close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

let counter = 0;
const batchOf = (size: number) =>
  Array.from({ length: size }, () => ({
    id: `slow-${++counter}`,
    agent: agentName,
    occurredAt: new Date().toISOString(),
    kind: "tool_call",
    outcome: "allowed",
    summary: "x".repeat(1500),
  }));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.runIf(runHere)("live stream limits", () => {
  it("drops a client that stops reading, says why, and keeps what waits for it bounded", async () => {
    const abort = new AbortController();
    const body = live.openLiveStream({ db, caller: viewer, signal: abort.signal, actions: true, lastEventId: null });
    await sleep(300);
    // The client reads nothing while 4,000 actions (about 7 MB of events) are stored.
    for (let i = 0; i < 20; i++) await ingest(batchOf(200));
    await sleep(2_500); // the hub's next rounds
    const reader = readSse(body);
    await reader.ended;
    const last = reader.events.at(-1);
    expect(last?.event).toBe("dropped");
    expect(JSON.parse(last?.data ?? "{}")).toMatchObject({ reason: "slow_reader" });
    const bytes = reader.events.reduce((total, event) => total + event.data.length, 0);
    expect(bytes).toBeLessThan(live.BUFFER_BYTES + 512 * 1024); // the limit plus at most one batch
    abort.abort();
  }, 60_000);

  it("caps live connections per caller, and frees the slot when one closes", async () => {
    const open = [];
    for (let i = 0; i < connections.MAX_LIVE_CONNECTIONS_PER_CALLER; i++) {
      const abort = new AbortController();
      open.push({ abort, reader: readSse(live.openLiveStream({ db, caller: viewer, signal: abort.signal, actions: false, lastEventId: null })) });
    }
    let refused: unknown;
    try {
      live.openLiveStream({ db, caller: viewer, signal: new AbortController().signal, actions: false, lastEventId: null });
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(RetryLaterError);
    expect(refused).toMatchObject({ status: 429, code: "too_many_connections" });

    // Closing every connection of the caller (what ending a person's sessions does) tells each one.
    expect(connections.closeLiveConnections(connections.callerKey(viewer), "signed out")).toBe(open.length);
    await Promise.all(open.map(({ reader }) => reader.ended));
    for (const { reader } of open) expect(reader.events.at(-1)?.event).toBe("revoked");
    const again = new AbortController();
    const reopened = readSse(live.openLiveStream({ db, caller: viewer, signal: again.signal, actions: false, lastEventId: null }));
    await sleep(200);
    expect(reopened.events[0]?.event).toBe("ready");
    again.abort();
    await reopened.ended;
  }, 30_000);
});
