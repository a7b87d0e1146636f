import { monitorEventLoopDelay } from "node:perf_hooks";
import { gzipSync } from "node:zlib";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/db/testing/test-database";
import { rowsOf } from "@/db/rows-of";
import { actions } from "@/db/schema";
import { createAgent } from "@/lib/testing/agents";
import { createIngestCaller } from "@/lib/testing/ingest";
import { encodeExportTraceServiceRequest } from "@/lib/actions/otlp/otlp-protobuf";
import { receiveOtlpTraces } from "./otlp-route";
import { readJson } from "./read-json";
import { z } from "zod";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.close());

const MARKER = "otter-marker-5520";
const hex = (bytes: number) => [...crypto.getRandomValues(new Uint8Array(bytes))].map((b) => b.toString(16).padStart(2, "0")).join("");
const str = (value: string) => ({ stringValue: value });

function exportOf(spans: Record<string, unknown>[], service = "web-app") {
  return { resourceSpans: [{ resource: { attributes: [{ key: "service.name", value: str(service) }] }, scopeSpans: [{ spans }] }] };
}

function span(traceId: string, name: string, attributes: Record<string, string>, parentSpanId?: string) {
  return {
    traceId,
    spanId: hex(8),
    ...(parentSpanId ? { parentSpanId } : {}),
    name,
    startTimeUnixNano: String(BigInt(Date.now() - 1000) * 1_000_000n),
    attributes: Object.entries(attributes).map(([key, value]) => ({ key, value: str(value) })),
  };
}

function post(key: string, body: Uint8Array | string, headers: Record<string, string> = {}) {
  return new Request("http://127.0.0.1/v1/traces", {
    method: "POST",
    headers: { authorization: `Bearer ${key}`, "content-type": "application/json", ...headers },
    body: typeof body === "string" ? body : new Uint8Array(body),
  });
}

const count = async () => (await t.db.select({ n: sql<number>`count(*)::int` }).from(actions))[0]?.n ?? 0;

/**
 * The longest the event loop was held while `work` ran, in milliseconds: the largest
 * gap between ticks of a 5 ms timer, and perf_hooks' own delay histogram, whichever is more.
 */
async function longestStall(work: () => Promise<unknown>): Promise<number> {
  const histogram = monitorEventLoopDelay({ resolution: 5 });
  histogram.enable();
  let last = performance.now();
  let longest = 0;
  const probe = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 5);
  await work();
  await new Promise((resolve) => setTimeout(resolve, 20));
  clearInterval(probe);
  histogram.disable();
  return Math.max(longest, histogram.max / 1e6);
}

describe("OTLP attribution", () => {
  it("files children under the agent their invoke_agent parent names, also across exports, and stores no content", async () => {
    const source = await createIngestCaller(t.db, "register");
    const agent = await createAgent(t.db, { name: "orders-assistant" });
    const traceId = hex(16);
    const root = span(traceId, "invoke_agent orders-assistant", { "gen_ai.operation.name": "invoke_agent", "gen_ai.agent.name": agent.name, "enduser.id": "kim@example.com", "gen_ai.input.messages": MARKER });
    const first = await receiveOtlpTraces(t.db, post(source.key, JSON.stringify(exportOf([root]))));
    expect(await first.json()).toEqual({});
    const children = [
      span(traceId, "chat", { "gen_ai.operation.name": "chat", "gen_ai.output.messages": MARKER }, root.spanId),
      span(traceId, "execute_tool refund", { "gen_ai.operation.name": "execute_tool", "gen_ai.tool.name": "refund", "gen_ai.tool.call.arguments": MARKER, "gen_ai.tool.call.result": MARKER }, root.spanId),
    ];
    const later = await receiveOtlpTraces(t.db, post(source.key, JSON.stringify(exportOf(children))));
    expect(await later.json()).toEqual({});

    const rows = await t.db.select().from(actions).where(sql`${actions.traceId} = ${traceId}`);
    expect(rows.map((row) => row.kind).sort()).toEqual(["agent_invocation", "model_call", "tool_call"]);
    for (const row of rows) expect(row.agentId).toBe(agent.id);
    expect(rows.filter((row) => row.parentSpanId === root.spanId)).toHaveLength(2);
    expect(rows.every((row) => row.onBehalfOf === "kim@example.com")).toBe(true);
    const shadow = await t.db.execute(sql`select 1 from agents where lower(name) = 'web-app'`);
    expect(rowsOf(shadow)).toHaveLength(0);

    // The marker is nowhere in the database: every table of the schema, as text.
    const tables = await t.db.execute(sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`);
    for (const { table_name } of rowsOf<{ table_name: string }>(tables)) {
      const hits = await t.db.execute(sql`select 1 from ${sql.identifier(table_name)} as row where row::text like ${`%${MARKER}%`} limit 1`);
      expect(rowsOf(hits), table_name).toHaveLength(0);
    }
  });

  it("matches gen_ai.agent.id against externalIds, and lets the name win when the id matches nothing", async () => {
    const source = await createIngestCaller(t.db, "register");
    const external = await createAgent(t.db, { name: "billing-agent", externalIds: ["asst_abc123"] });
    const named = await createAgent(t.db, { name: "triage-agent" });
    const traceId = hex(16);
    const service = await createAgent(t.db, { name: "checkout-agent", externalIds: ["checkout-svc"] });
    const mappedService = exportOf([span(hex(16), "chat", { "gen_ai.operation.name": "chat" })], "checkout-svc");
    expect(await (await receiveOtlpTraces(t.db, post(source.key, JSON.stringify(mappedService)))).json()).toEqual({});
    const spans = [
      span(traceId, "invoke_agent a", { "gen_ai.operation.name": "invoke_agent", "gen_ai.agent.id": "asst_abc123" }),
      span(hex(16), "invoke_agent b", { "gen_ai.operation.name": "invoke_agent", "gen_ai.agent.id": "asst_unknown", "gen_ai.agent.name": "triage-agent" }),
    ];
    expect(await (await receiveOtlpTraces(t.db, post(source.key, JSON.stringify(exportOf(spans))))).json()).toEqual({});
    const rows = await t.db.select().from(actions).where(sql`${actions.ingestKeyId} = ${source.id}`);
    // A service.name set as an agent's external id maps that service to the agent.
    expect(rows.map((row) => row.agentId).sort()).toEqual([external.id, named.id, service.id].sort());
  });
});

describe("bounded OTLP and batch bodies", () => {
  // PGlite runs in this thread, so its own queries hold the loop; the bound is for PostgreSQL.
  it.runIf(inject("dbKind") === "postgres")("takes a full-size export (5,000 spans, JSON and protobuf) without holding the event loop for long", async () => {
    const source = await createIngestCaller(t.db);
    await createAgent(t.db, { name: "full-size-agent" });
    const full = () =>
      exportOf(
        Array.from({ length: 5000 }, (_, i) => span(hex(16), `tool ${i}`, Object.fromEntries([["gen_ai.agent.name", "full-size-agent"], ["gen_ai.operation.name", "execute_tool"], ...Array.from({ length: 22 }, (_, j) => [`k${j}`, "v".repeat(20)])]))),
      );
    for (const body of [JSON.stringify(full()), encodeExportTraceServiceRequest(full())]) {
      const headers: Record<string, string> = typeof body === "string" ? {} : { "content-type": "application/x-protobuf" };
      let status = 0;
      const stall = await longestStall(async () => {
        status = (await receiveOtlpTraces(t.db, post(source.key, body, headers))).status;
      });
      expect(status).toBe(200);
      // The aim is 100 ms; the bound is generous for a shared, loaded machine.
      expect(stall).toBeLessThan(400);
    }
  });

  it("refuses a 6 KB gzip bomb of two million empty spans quickly, without holding the event loop", async () => {
    const source = await createIngestCaller(t.db);
    const bomb = gzipSync(`{"resourceSpans":[{"scopeSpans":[{"spans":[${"{},".repeat(2_000_000)}{}]}]}]}`, { level: 9 });
    expect(bomb.length).toBeLessThan(16 * 1024);
    const before = await count();
    let status = 0;
    const stall = await longestStall(async () => {
      status = (await receiveOtlpTraces(t.db, post(source.key, bomb, { "content-encoding": "gzip" }))).status;
    });
    expect(status).toBe(413);
    expect(stall).toBeLessThan(300);
    expect(await count()).toBe(before);
  });

  it("refuses a protobuf bomb of empty spans before decoding it", async () => {
    const source = await createIngestCaller(t.db);
    // scope_spans (2) holding 100,000 empty spans (field 2, length 0), inside resource_spans (1).
    const spans = Buffer.alloc(200_000);
    for (let i = 0; i < spans.length; i += 2) spans[i] = 0x12;
    const scope = Buffer.concat([Buffer.from([0x12]), varint(spans.length), spans]);
    const body = Buffer.concat([Buffer.from([0x0a]), varint(scope.length), scope]);
    const response = await receiveOtlpTraces(t.db, post(source.key, gzipSync(body), { "content-type": "application/x-protobuf", "content-encoding": "gzip" }));
    expect(response.status).toBe(413);
  });

  it("answers key-value lists nested 400 deep with a 400, and writes nothing", async () => {
    const source = await createIngestCaller(t.db);
    let value: Record<string, unknown> = str("leaf");
    for (let i = 0; i < 400; i++) value = { kvlistValue: { values: [{ key: "k", value }] } };
    const deep = exportOf([{ ...span(hex(16), "deep", {}), attributes: [{ key: "deep", value }] }]);
    const before = await count();
    const response = await receiveOtlpTraces(t.db, post(source.key, JSON.stringify(deep)));
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ message: expect.stringMatching(/nests/) });
    const asProtobuf = await receiveOtlpTraces(t.db, post(source.key, encodeExportTraceServiceRequest(deep), { "content-type": "application/x-protobuf" }));
    expect(asProtobuf.status).toBe(400);
    expect(await count()).toBe(before);
  });

  it("answers batch attributes nested 20,000 deep with a 400 and the JSON error shape", async () => {
    const deep = `{"actions":[{"attributes":${"{\"a\":".repeat(20_000)}1${"}".repeat(20_000)}}]}`;
    const request = new Request("http://127.0.0.1/api/v1/actions", { method: "POST", headers: { "content-type": "application/json" }, body: deep });
    await expect(readJson(request, z.object({ actions: z.array(z.unknown()) }), 8 * 1024 * 1024)).rejects.toMatchObject({ status: 400, code: "too_deep" });
  });

  it("counts a batch's actions while reading a gzip body", async () => {
    const bomb = gzipSync(`{"actions":[${"{},".repeat(1_000_000)}{}]}`, { level: 9 });
    const request = new Request("http://127.0.0.1/api/v1/actions", { method: "POST", headers: { "content-type": "application/json", "content-encoding": "gzip" }, body: bomb });
    let error: unknown;
    const stall = await longestStall(async () => {
      error = await readJson(request, z.object({ actions: z.array(z.unknown()) }), 8 * 1024 * 1024, { counted: { key: "actions", max: 1000, what: "actions" } }).catch((caught: unknown) => caught);
    });
    expect(error).toMatchObject({ status: 413 });
    expect(stall).toBeLessThan(300);
  });
});

function varint(value: number): Buffer {
  const bytes: number[] = [];
  while (value > 0x7f) {
    bytes.push((value & 0x7f) | 0x80);
    value >>>= 7;
  }
  bytes.push(value);
  return Buffer.from(bytes);
}
