// What callers see while the database is away, on a PostgreSQL cluster of this test's
// own (stopped and started here; never the shared server): health says 503 within a
// second, requests fail within 5 s with 503 and Retry-After (the JSON API, the OAuth
// token check, OTLP's retryable status), and everything works within 2 s of its return.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";
import { clusterBinariesPresent, createOwnCluster, type OwnCluster } from "@/db/testing/own-cluster";

// The callers here are bearer credentials; the cookie session (next-auth, which needs
// Next's runtime to load) is never consulted, so it is left out.
vi.mock("server-only", () => ({}));
vi.mock("@/lib/auth/session", () => ({ getSessionCaller: async () => null }));

const runHere = clusterBinariesPresent && (inject("dbKind") === "postgres" || !process.env.TEST_DATABASE_URL);
const PORT = 5471;

let cluster: OwnCluster;
let dataDir: string;
let health: () => Promise<Response>;
let listAgents: () => Promise<Response>;
let introspect: () => Promise<Response>;
let exportSpans: () => Promise<Response>;

beforeAll(async () => {
  if (!runHere) return;
  cluster = createOwnCluster(PORT);
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "tq-outage-"));
  Object.assign(process.env, { DATABASE_URL: cluster.url, TOURNIQUET_DEMO_DATA: "false", TOURNIQUET_DATA_DIR: dataDir });
  const { getDb } = await import("@/lib/db");
  const db = await getDb();
  const { systemCaller } = await import("@/lib/auth/caller");
  const { createApiKey } = await import("@/lib/keys/create-api-key");
  const { createResourceServer } = await import("@/lib/keys/create-resource-server");
  const { createIngestCaller } = await import("@/lib/testing/ingest");
  const apiKey = await createApiKey(db, systemCaller("test"), { name: "outage", role: "viewer" });
  const server = await createResourceServer(db, systemCaller("test"), { name: "outage-rs" });
  const ingestKey = (await createIngestCaller(db)).key;
  const healthRoute = await import("@/app/api/health/route");
  const agentsRoute = await import("@/app/api/v1/agents/route");
  const introspectRoute = await import("@/app/api/oauth/introspect/route");
  const tracesRoute = await import("@/app/v1/traces/route");
  const base = "http://127.0.0.1/";
  health = () => healthRoute.GET();
  listAgents = () =>
    agentsRoute.GET(new NextRequest(`${base}api/v1/agents`, { headers: { authorization: `Bearer ${apiKey.key}` } }), { params: Promise.resolve({}) });
  introspect = () =>
    introspectRoute.POST(
      new Request(`${base}api/oauth/introspect`, {
        method: "POST",
        headers: {
          authorization: `Basic ${Buffer.from(`${server.clientId}:${server.clientSecret}`).toString("base64")}`,
          "content-type": "application/x-www-form-urlencoded",
        },
        body: "token=tq_at_unknown",
      }),
    );
  exportSpans = () =>
    tracesRoute.POST(
      new Request(`${base}v1/traces`, {
        method: "POST",
        headers: { authorization: `Bearer ${ingestKey}`, "content-type": "application/json" },
        body: JSON.stringify({ resourceSpans: [] }),
      }),
    );
}, 120_000);

afterAll(async () => {
  if (!runHere) return;
  const { getDatabase } = await import("@/lib/db");
  await (await getDatabase()).close().catch(() => {});
  cluster.destroy();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function timed(call: () => Promise<Response>): Promise<{ response: Response; ms: number }> {
  const started = Date.now();
  const response = await call();
  return { response, ms: Date.now() - started };
}

describe.runIf(runHere)("a database outage", () => {
  it("answers 503 with Retry-After at once while the database is down, and recovers within 2 s", async () => {
    expect((await health()).status).toBe(200);
    expect((await listAgents()).status).toBe(200);

    cluster.stop();
    try {
      const checked = await timed(health);
      expect(checked.response.status).toBe(503);
      expect(checked.ms).toBeLessThan(1_000);

      const listed = await timed(listAgents);
      expect(listed.response.status).toBe(503);
      expect(listed.ms).toBeLessThan(5_000);
      expect(Number(listed.response.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(await listed.response.json()).toMatchObject({ error: { code: "database_unavailable" } });

      const checkedToken = await timed(introspect);
      expect(checkedToken.response.status).toBe(503);
      expect(checkedToken.ms).toBeLessThan(5_000);
      expect(checkedToken.response.headers.get("retry-after")).toBeTruthy();
      expect(await checkedToken.response.json()).toMatchObject({ error: "temporarily_unavailable" });

      const exported = await timed(exportSpans);
      expect(exported.response.status).toBe(503); // retryable for OTLP exporters
      expect(exported.response.headers.get("retry-after")).toBeTruthy();
      expect(await exported.response.json()).toMatchObject({ code: 14 });

      // Down for a while: postgres.js's reconnect backoff has grown, and stays capped.
      await new Promise((resolve) => setTimeout(resolve, 5_000));
      expect((await timed(health)).ms).toBeLessThan(1_000);
    } finally {
      cluster.start();
    }
    const back = Date.now();
    for (const call of [health, listAgents, introspect, exportSpans]) {
      for (;;) {
        const response = await call();
        if (response.status === 200) break;
        expect(Date.now() - back).toBeLessThan(2_000);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }
    expect(Date.now() - back).toBeLessThan(2_000);
  }, 60_000);
});
