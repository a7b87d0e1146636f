// Reads that tolerate lag go to a streaming replica (DATABASE_REPLICA_URL); containment
// and token checks stay on the primary. On clusters of this test's own: a primary, and
// a replica made from it with pg_basebackup, whose replay is paused to make lag visible.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { NextRequest } from "next/server";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";
import { clusterBinariesPresent, createOwnCluster, createReplicaOf, type OwnCluster } from "@/db/testing/own-cluster";

vi.mock("server-only", () => ({}));
vi.mock("@/lib/auth/session", () => ({ getSessionCaller: async () => null }));

const runHere = clusterBinariesPresent && (inject("dbKind") === "postgres" || !process.env.TEST_DATABASE_URL);
const PRIMARY_PORT = 5481;
const REPLICA_PORT = 5482;

let primary: OwnCluster;
let replica: OwnCluster;
let replicaAdmin: postgres.Sql;
let dataDir: string;

beforeAll(async () => {
  if (!runHere) return;
  primary = createOwnCluster(PRIMARY_PORT);
  replica = createReplicaOf(PRIMARY_PORT, REPLICA_PORT);
  replicaAdmin = postgres(replica.url, { max: 1, onnotice: () => {} });
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "tq-replica-test-"));
  Object.assign(process.env, { DATABASE_URL: primary.url, DATABASE_REPLICA_URL: replica.url, TOURNIQUET_DEMO_DATA: "false", TOURNIQUET_DATA_DIR: dataDir });
}, 120_000);

afterAll(async () => {
  if (!runHere) return;
  await replicaAdmin?.end({ timeout: 1 }).catch(() => {});
  const { getDatabase } = await import("@/lib/db");
  const { stopGracefully } = await import("@/lib/setup/graceful-stop");
  await stopGracefully(await getDatabase()).catch(() => {});
  replica?.destroy();
  primary?.destroy();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function untilReplicated(check: () => Promise<boolean>) {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > 10_000) throw new Error("the replica did not catch up within 10 s");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe.runIf(runHere)("a read replica", () => {
  it("serves the timeline and reports, never containment or token checks, and its lag never revives a token", async () => {
    const { getDb, getReadDb } = await import("@/lib/db");
    const db = await getDb();
    expect(await getReadDb()).not.toBe(db);
    const { systemCaller } = await import("@/lib/auth/caller");
    const { createApiKey } = await import("@/lib/keys/create-api-key");
    const { createResourceServer } = await import("@/lib/keys/create-resource-server");
    const { createAgent } = await import("@/lib/testing/agents");
    const { action, createIngestCaller } = await import("@/lib/testing/ingest");
    const { ingestActions } = await import("@/lib/actions/ingest-actions");
    const { issueAgentToken } = await import("@/lib/credentials/issue-agent-token");
    const { declareIncident } = await import("@/lib/incidents/declare-incident");
    const { declareIncidentInput } = await import("@/lib/incidents/incident-fields");
    const { updateIncident } = await import("@/lib/incidents/update-incident");
    const { containAgent } = await import("@/lib/containment/contain-agent");
    const actionsRoute = await import("@/app/api/v1/actions/route");
    const reportRoute = await import("@/app/api/v1/incidents/[id]/report/route");
    const introspectRoute = await import("@/app/api/oauth/introspect/route");

    const admin = systemCaller("test");
    const apiKey = await createApiKey(db, admin, { name: "replica", role: "admin" });
    const server = await createResourceServer(db, admin, { name: "replica-rs" });
    const agent = await createAgent(db, { name: "replica-agent" });
    const token = await issueAgentToken(db, admin, agent.id, {});
    const source = await createIngestCaller(db);
    const first = action(agent.name, { summary: "before the pause" });
    await ingestActions(db, source, [first]);
    const incident = await declareIncident(db, admin, declareIncidentInput.parse({ title: "replica: first title", severity: "SEV3" }));
    await untilReplicated(async () => (await replicaAdmin`select 1 from incidents where id = ${incident.id}`).length === 1);
    await untilReplicated(async () => (await replicaAdmin`select 1 from actions where external_id = ${first.id as string}`).length === 1);

    await replicaAdmin`select pg_wal_replay_pause()`;
    try {
      const second = action(agent.name, { summary: "while the replica is paused" });
      await ingestActions(db, source, [second]);
      await updateIncident(db, admin, incident.id, { title: "replica: second title" });

      const listed = await actionsRoute.GET(
        new NextRequest("http://127.0.0.1/api/v1/actions", { headers: { authorization: `Bearer ${apiKey.key}` } }),
        { params: Promise.resolve({}) },
      );
      const summaries = ((await listed.json()) as { actions: { summary: string }[] }).actions.map((item) => item.summary);
      expect(summaries).toContain("before the pause");
      expect(summaries).not.toContain("while the replica is paused"); // read from the replica

      const report = await reportRoute.GET(
        new NextRequest(`http://127.0.0.1/api/v1/incidents/${incident.id}/report?format=json`, { headers: { authorization: `Bearer ${apiKey.key}` } }),
        { params: Promise.resolve({ id: incident.id }) },
      );
      expect(report.status).toBe(200);
      const body = await report.text();
      expect(body).toContain("replica: first title");
      expect(body).not.toContain("replica: second title");

      // Contained on the primary while the replica still shows the token live.
      await containAgent(db, admin, agent.id, { reason: "replica test: contain during lag" });
      const [onReplica] = await replicaAdmin`select revoked_at from agent_tokens where id = ${token.id}`;
      expect(onReplica?.revoked_at).toBeNull();
      const checked = await introspectRoute.POST(
        new Request("http://127.0.0.1/api/oauth/introspect", {
          method: "POST",
          headers: {
            authorization: `Basic ${Buffer.from(`${server.clientId}:${server.clientSecret}`).toString("base64")}`,
            "content-type": "application/x-www-form-urlencoded",
          },
          body: `token=${token.token}`,
        }),
      );
      expect(await checked.json()).toMatchObject({ active: false });
    } finally {
      await replicaAdmin`select pg_wal_replay_resume()`;
    }
  }, 120_000);
});
