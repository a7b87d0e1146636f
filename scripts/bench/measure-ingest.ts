// Ingest throughput: actions per second through the batch API and through OTLP/JSON,
// each against the same rows inserted directly (no HTTP, no validation, no app) by
// the same number of concurrent senders. The ratio is the price of the app's path.
//
// Request bodies are built before the clock starts, so the client's JSON work does
// not compete with the server for the two cores while it is measured.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { encodeExportTraceServiceRequest } from "@/lib/actions/otlp/otlp-protobuf";
import { type ApiAction, actionBatch, directInsertParams, directInsertSql, otlpRequest } from "./action-rows";
import { type DirectSql, openPgliteDirect } from "./database";
import type { HttpClient } from "./http";
import { runPool } from "./load";
import { type Figure, figure } from "./results";
import type { BenchAgent } from "./setup";
import { ratePerSecond } from "./stats";

export interface IngestSetup {
  client: HttpClient;
  ingestKey: { id: string; key: string };
  agents: BenchAgent[];
  /** PostgreSQL: the bench database's URL; undefined on PGlite. */
  postgresDirect?: () => Promise<DirectSql>;
  total: number;
  batch: number;
  senders: number;
  log: (line: string) => void;
}

interface PathResult {
  actions: number;
  ms: number;
  rate: number;
}

function batches(total: number, size: number, agents: BenchAgent[], prefix: string): ApiAction[][] {
  const names = agents.map((agent) => agent.name);
  const list: ApiAction[][] = [];
  for (let start = 0; start < total; start += size) list.push(actionBatch(start, Math.min(size, total - start), names, prefix));
  return list;
}

async function sendApi(setup: IngestSetup, bodies: string[], expectedPerBody: number[]): Promise<PathResult> {
  let accepted = 0;
  const ms = await runPool(bodies.length, setup.senders, async (index) => {
    const reply = await setup.client.request("POST", "/api/v1/actions", {
      headers: { authorization: `Bearer ${setup.ingestKey.key}`, "content-type": "application/json" },
      body: bodies[index] as string,
    });
    if (reply.status !== 200) throw new Error(`ingest batch ${index}: HTTP ${reply.status} ${reply.body.toString("utf8").slice(0, 200)}`);
    const result = JSON.parse(reply.body.toString("utf8")) as { accepted: number };
    if (result.accepted !== expectedPerBody[index]) throw new Error(`ingest batch ${index}: ${result.accepted} of ${expectedPerBody[index]} accepted`);
    accepted += result.accepted;
  });
  return { actions: accepted, ms, rate: ratePerSecond(accepted, ms) };
}

async function sendOtlp(setup: IngestSetup, bodies: (string | Buffer)[], expectedPerBody: number[]): Promise<PathResult> {
  let spans = 0;
  const ms = await runPool(bodies.length, setup.senders, async (index) => {
    const body = bodies[index] as string | Buffer;
    const reply = await setup.client.request("POST", "/v1/traces", {
      headers: { authorization: `Bearer ${setup.ingestKey.key}`, "content-type": typeof body === "string" ? "application/json" : "application/x-protobuf" },
      body,
    });
    // A protobuf reply is an ExportTraceServiceResponse: empty when every span landed.
    const text = typeof body === "string" ? reply.body.toString("utf8") : reply.body.length ? "partialSuccess" : "";
    // OTLP answers 200 with partialSuccess when spans did not become actions.
    if (reply.status !== 200 || text.includes("partialSuccess")) throw new Error(`OTLP batch ${index}: HTTP ${reply.status} ${text.slice(0, 200)}`);
    spans += expectedPerBody[index] as number;
  });
  return { actions: spans, ms, rate: ratePerSecond(spans, ms) };
}

async function insertDirect(direct: DirectSql, list: ApiAction[][], senders: number, ingestKeyId: string, agentIds: Map<string, string>): Promise<PathResult> {
  // Parameters are built before timing, like the HTTP bodies.
  const statements = list.map((batch) => ({ text: directInsertSql(batch.length), params: directInsertParams(batch, ingestKeyId, agentIds), size: batch.length }));
  let inserted = 0;
  const ms = await runPool(statements.length, senders, async (index) => {
    const statement = statements[index]!;
    const rows = await direct.query(statement.text, statement.params);
    if (rows.length !== statement.size) throw new Error(`direct insert ${index}: ${rows.length} of ${statement.size} rows`);
    inserted += rows.length;
  });
  return { actions: inserted, ms, rate: ratePerSecond(inserted, ms) };
}

/**
 * The PGlite baseline: a PGlite instance of the bench's own, in its own folder, with
 * the app's migrations and the same agents. PGlite cannot be shared between processes,
 * so the baseline cannot write into the server's database the way it does on PostgreSQL.
 */
async function pgliteBaseline(agents: BenchAgent[]): Promise<{ direct: DirectSql; ingestKeyId: string; agentIds: Map<string, string>; cleanup: () => Promise<void> }> {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), "tq-bench-direct-"));
  const direct = await openPgliteDirect(folder);
  const [key] = await direct.query<{ id: string }>(
    "insert into ingest_keys (name, prefix, key_hash) values ('bench direct', 'tq_ik_benchdir', md5(random()::text)) returning id",
  );
  const rows = await direct.query<{ id: string; name: string }>(
    "insert into agents (name, owner) select name, 'bench@example.com' from unnest($1::text[]) as name returning id, name",
    [agents.map((agent) => agent.name)],
  );
  return {
    direct,
    ingestKeyId: key!.id,
    agentIds: new Map(rows.map((row) => [row.name, row.id])),
    cleanup: async () => {
      await direct.close();
      fs.rmSync(folder, { recursive: true, force: true });
    },
  };
}

export async function measureIngest(setup: IngestSetup): Promise<Figure[]> {
  const { total, batch, senders, log } = setup;
  // Warm-up: the first requests compile routes and fill connection pools.
  const warm = batches(2 * batch, batch, setup.agents, "warm");
  await sendApi({ ...setup, senders: 2 }, warm.map((actions) => JSON.stringify({ actions })), warm.map((actions) => actions.length));
  const warmOtlp = batches(batch, batch, setup.agents, "warm-otlp");
  await sendOtlp({ ...setup, senders: 1 }, warmOtlp.map((actions) => JSON.stringify(otlpRequest(actions))), warmOtlp.map((actions) => actions.length));

  const apiBatches = batches(total, batch, setup.agents, "api");
  const api = await sendApi(setup, apiBatches.map((actions) => JSON.stringify({ actions })), apiBatches.map((actions) => actions.length));
  log(`ingest API: ${api.actions} actions in ${(api.ms / 1000).toFixed(1)} s`);

  const otlpBatches = batches(total, batch, setup.agents, "otlp");
  const otlp = await sendOtlp(setup, otlpBatches.map((actions) => JSON.stringify(otlpRequest(actions))), otlpBatches.map((actions) => actions.length));
  log(`ingest OTLP: ${otlp.actions} spans in ${(otlp.ms / 1000).toFixed(1)} s`);

  // The same spans (new ids) as OTLP/HTTP protobuf, the specification's default encoding.
  const protobufBatches = batches(total, batch, setup.agents, "otlp-pb");
  const protobuf = await sendOtlp(setup, protobufBatches.map((actions) => Buffer.from(encodeExportTraceServiceRequest(otlpRequest(actions)))), protobufBatches.map((actions) => actions.length));
  log(`ingest OTLP protobuf: ${protobuf.actions} spans in ${(protobuf.ms / 1000).toFixed(1)} s`);

  const directBatches = batches(total, batch, setup.agents, "direct");
  let direct: PathResult;
  let baselineLabel: string;
  if (setup.postgresDirect) {
    const sql = await setup.postgresDirect();
    try {
      direct = await insertDirect(sql, directBatches, senders, setup.ingestKey.id, new Map(setup.agents.map((agent) => [agent.name, agent.id])));
    } finally {
      await sql.close();
    }
    baselineLabel = "direct insert (postgres.js, same table)";
  } else {
    const baseline = await pgliteBaseline(setup.agents);
    try {
      direct = await insertDirect(baseline.direct, directBatches, senders, baseline.ingestKeyId, baseline.agentIds);
    } finally {
      await baseline.cleanup();
    }
    baselineLabel = "direct insert (own PGlite)";
  }
  log(`ingest direct: ${direct.actions} rows in ${(direct.ms / 1000).toFixed(1)} s`);

  const notes = setup.postgresDirect
    ? []
    : ["PGlite cannot be shared between processes: the direct baseline writes into a PGlite instance of its own (same schema) in the bench process."];
  const target = (rate: number) => ({ text: "≥ 20,000/s and ≥ 0.5× direct", pass: rate >= 20_000 && rate >= 0.5 * direct.rate });
  const shared = { batch, senders, actions: total };
  return [
    figure({
      id: "ingest.api",
      label: `ingest POST /api/v1/actions (${senders}×${batch})`,
      value: api.rate,
      unit: "actions/s",
      baseline: { label: baselineLabel, value: direct.rate, unit: "rows/s" },
      target: target(api.rate),
      notes,
      details: { ...shared, ms: api.ms, directMs: direct.ms },
    }),
    figure({
      id: "ingest.otlp",
      label: `ingest POST /v1/traces OTLP JSON (${senders}×${batch})`,
      value: otlp.rate,
      unit: "actions/s",
      baseline: { label: baselineLabel, value: direct.rate, unit: "rows/s" },
      target: target(otlp.rate),
      notes,
      details: { ...shared, ms: otlp.ms, directMs: direct.ms },
    }),
    figure({
      id: "ingest.otlp-protobuf",
      label: `ingest POST /v1/traces OTLP protobuf (${senders}×${batch}, same spans as JSON)`,
      value: protobuf.rate,
      unit: "actions/s",
      baseline: { label: baselineLabel, value: direct.rate, unit: "rows/s" },
      target: target(protobuf.rate),
      notes: [...notes, `OTLP JSON on the same spans in the same run: ${otlp.rate} actions/s.`],
      details: { ...shared, ms: protobuf.ms, directMs: direct.ms, jsonRate: otlp.rate },
    }),
  ];
}
