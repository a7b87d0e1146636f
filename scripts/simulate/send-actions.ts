// Sends the run's actions when they are due, as agents and gateways would: agents on
// the batch API post `{ actions }` with the ingest key, OpenTelemetry-instrumented ones
// export OTLP/HTTP JSON spans to /v1/traces. An action at simulated time `at` is due at
// start + (at - from) / speed, and occurred at `at`, which is never later than when it
// is sent. Failed requests are retried: the senders' ids make a retry harmless.
import { toOtlpRequest } from "@/lib/demo/otlp-export";
import type { ScenarioAction } from "@/lib/demo/scenario-types";
import { type ConsoleClient, SimulateError } from "./console-client";

const API_BATCH = 500;
const OTLP_BATCH = 250;
/** At most this many actions leave in one tick, so progress and story lines interleave. */
const TICK = 1000;
const RETRIES = 4;

export interface SendStats {
  sent: number;
  accepted: number;
  duplicates: number;
  rejected: number;
  requests: number;
  /** The first few reasons the server gave for refusing an action or a span. */
  reasons: string[];
}

export interface SendOptions {
  ingestKey: string;
  from: number;
  start: number;
  speed: number;
  mcpAgents: ReadonlySet<string>;
  /** Called once an item has been accepted by the server (story lines). */
  onSent(items: readonly ScenarioAction[], stats: SendStats): void;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function withRetries<T>(what: string, attempt: () => Promise<T>): Promise<T> {
  for (let tries = 0; ; tries++) {
    try {
      return await attempt();
    } catch (error) {
      if (!(error instanceof SimulateError) || !error.transient || tries >= RETRIES) throw error;
      const wait = 500 * 2 ** tries;
      process.stderr.write(`  ${what} failed (${error.message}); retrying in ${wait} ms\n`);
      await sleep(wait);
    }
  }
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let start = 0; start < items.length; start += size) out.push(items.slice(start, start + size));
  return out;
}

interface IngestReply {
  accepted: number;
  duplicates: number;
  rejected: number;
  results: { id: string | null; status: string; reason?: string }[];
}

async function sendSlice(client: ConsoleClient, slice: readonly ScenarioAction[], options: SendOptions, stats: SendStats): Promise<void> {
  const note = (reason: string) => {
    if (stats.reasons.length < 10) stats.reasons.push(reason);
  };
  for (const batch of chunks(slice.filter((item) => item.via === "api"), API_BATCH)) {
    const reply = await withRetries("POST /api/v1/actions", () =>
      client.request<IngestReply>("/api/v1/actions", { bearer: options.ingestKey, body: { actions: batch.map((item) => item.action) } }),
    );
    stats.requests += 1;
    stats.accepted += reply.accepted;
    stats.duplicates += reply.duplicates;
    stats.rejected += reply.rejected;
    for (const result of reply.results) if (result.status === "rejected") note(`action ${result.id ?? "?"}: ${result.reason ?? "rejected"}`);
  }
  for (const batch of chunks(slice.filter((item) => item.via === "otlp"), OTLP_BATCH)) {
    const body = toOtlpRequest(batch.map((item) => item.action), { mcpAgents: options.mcpAgents });
    const reply = await withRetries("POST /v1/traces", () =>
      client.request<{ partialSuccess?: { rejectedSpans?: string; errorMessage?: string } }>("/v1/traces", { bearer: options.ingestKey, body }),
    );
    stats.requests += 1;
    const refused = Number(reply?.partialSuccess?.rejectedSpans ?? 0);
    stats.rejected += refused;
    // OTLP does not tell new spans from repeated ones: both count as accepted here.
    stats.accepted += batch.length - refused;
    if (refused) note(`spans: ${reply?.partialSuccess?.errorMessage ?? "rejected"}`);
  }
  stats.sent += slice.length;
}

export async function sendActions(client: ConsoleClient, items: readonly ScenarioAction[], options: SendOptions): Promise<SendStats> {
  const stats: SendStats = { sent: 0, accepted: 0, duplicates: 0, rejected: 0, requests: 0, reasons: [] };
  const dueAt = (item: ScenarioAction) => (Number.isFinite(options.speed) ? options.start + (item.at - options.from) / options.speed : options.start);
  let index = 0;
  while (index < items.length) {
    const first = items[index] as ScenarioAction;
    const now = Date.now();
    if (dueAt(first) > now) {
      await sleep(Math.min(dueAt(first) - now, 1000));
      continue;
    }
    let end = index;
    while (end < items.length && end - index < TICK && dueAt(items[end] as ScenarioAction) <= now) end++;
    const slice = items.slice(index, end);
    await sendSlice(client, slice, options, stats);
    options.onSent(slice, stats);
    index = end;
  }
  return stats;
}
