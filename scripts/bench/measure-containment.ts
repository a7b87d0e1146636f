// The kill switch under fire: contain agents that hold 1,000 live tokens each while
// ingest runs at full speed beside it, as it would in a real incident. For each agent:
// - the latency of POST /api/v1/agents/{id}/contain;
// - how long after the call started a resource server's check of one of its tokens
//   first answers active:false (a poller checks that token back to back);
// - whether the first check sent after the call returned already says active:false,
//   and whether any check sent after the return still said active:true (must be none).
// Baselines, under the same load: GET /api/health latency for the call, and the
// poller's own round trip for the delay. The background ingest also yields the live
// stream's delay under load (an SSE subscriber is open throughout).
import { actionBatch } from "./action-rows";
import type { ApiCaller, HttpClient } from "./http";
import { LiveWatcher } from "./live-stream";
import { runUntilStopped, sleep } from "./load";
import { introspect } from "./measure-introspection";
import { type Figure, figure } from "./results";
import type { BenchAgent, ResourceServerCredentials } from "./setup";
import { ratePerSecond, summarize } from "./stats";

export interface ContainmentSetup {
  client: HttpClient;
  /** A separate client for the background load, so its sockets never delay the measured calls. */
  loadClient: HttpClient;
  admin: ApiCaller;
  baseUrl: string;
  ingestKey: string;
  loadAgents: BenchAgent[];
  targets: { agent: BenchAgent; tokens: string[] }[];
  /** Contained first, with no load, for comparison. */
  idleTargets: { agent: BenchAgent; tokens: string[] }[];
  resourceServers: ResourceServerCredentials[];
  batch: number;
  senders: number;
  /** Ingest rate measured without this work beside it, for comparison. */
  ingestRate: number;
  log: (line: string) => void;
}

interface Check {
  sentAt: number;
  receivedAt: number;
  active: boolean;
}

function startPoller(client: HttpClient, server: ResourceServerCredentials, token: string) {
  const checks: Check[] = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      const sentAt = performance.now();
      const reply = await introspect(client, server, token);
      if (reply.status !== 200) throw new Error(`poller: HTTP ${reply.status} ${reply.body.toString("utf8").slice(0, 200)}`);
      checks.push({ sentAt, receivedAt: performance.now(), active: (JSON.parse(reply.body.toString("utf8")) as { active: boolean }).active });
    }
  })();
  return {
    checks,
    async stop() {
      running = false;
      await loop;
    },
  };
}

async function contain(setup: ContainmentSetup, target: { agent: BenchAgent; tokens: string[] }): Promise<{ started: number; returned: number }> {
  const started = performance.now();
  const reply = await setup.client.request("POST", `/api/v1/agents/${target.agent.id}/contain`, {
    headers: { authorization: setup.admin.authorization, "content-type": "application/json" },
    body: JSON.stringify({ reason: "npm run bench: containment" }),
  });
  const returned = performance.now();
  if (reply.status !== 200) throw new Error(`contain ${target.agent.name}: HTTP ${reply.status} ${reply.body.toString("utf8").slice(0, 200)}`);
  const result = JSON.parse(reply.body.toString("utf8")) as { alreadyContained: boolean; tokensRevoked: number };
  if (result.alreadyContained || result.tokensRevoked !== target.tokens.length) {
    throw new Error(`contain ${target.agent.name}: revoked ${result.tokensRevoked} of ${target.tokens.length} tokens`);
  }
  return { started, returned };
}

export async function measureContainment(setup: ContainmentSetup): Promise<Figure[]> {
  const { client, log } = setup;
  // First, with nothing else running: what the kill switch costs by itself.
  const idleMs: number[] = [];
  const idleHealthMs: number[] = [];
  for (const target of setup.idleTargets) {
    for (let sample = 0; sample < 10; sample++) idleHealthMs.push((await client.request("GET", "/api/health")).ms);
    const { started, returned } = await contain(setup, target);
    idleMs.push(returned - started);
  }

  const watcher = await LiveWatcher.open(setup.baseUrl, setup.admin.authorization);
  const names = setup.loadAgents.map((agent) => agent.name);
  const sent: { lastId: string; sentAt: number; roundTrip: number }[] = [];
  let accepted = 0;
  const loadStarted = performance.now();
  const load = runUntilStopped(setup.senders, async (iteration) => {
    const actions = actionBatch(iteration * setup.batch, setup.batch, names, "under-containment");
    const body = JSON.stringify({ actions });
    const sentAt = performance.now();
    const reply = await setup.loadClient.request("POST", "/api/v1/actions", {
      headers: { authorization: `Bearer ${setup.ingestKey}`, "content-type": "application/json" },
      body,
    });
    if (reply.status !== 200) throw new Error(`background ingest: HTTP ${reply.status} ${reply.body.toString("utf8").slice(0, 200)}`);
    accepted += (JSON.parse(reply.body.toString("utf8")) as { accepted: number }).accepted;
    sent.push({ lastId: actions[actions.length - 1]!.id, sentAt, roundTrip: reply.ms });
  });

  const containMs: number[] = [];
  const denyMs: number[] = [];
  const healthMs: number[] = [];
  const checkMs: number[] = [];
  let deniedAtReturn = 0;
  let activeAfterReturn = 0;
  let loadMs = 0;
  // The baseline: one health check at a time, back to back, for as long as the load runs.
  const health = runUntilStopped(1, async () => {
    healthMs.push((await client.request("GET", "/api/health")).ms);
  });
  try {
    await sleep(1000); // let the load reach full speed
    for (const [index, target] of setup.targets.entries()) {
      const server = setup.resourceServers[index % setup.resourceServers.length]!;
      const poller = startPoller(client, server, target.tokens[0]!);
      await sleep(150);
      const { started, returned } = await contain(setup, target).catch(async (error: unknown) => {
        await poller.stop().catch(() => {});
        throw error;
      });
      const atReturn = await introspect(client, server, target.tokens[target.tokens.length - 1]!);
      const atReturnReceived = performance.now();
      await poller.stop();
      containMs.push(returned - started);
      const returnActive = (JSON.parse(atReturn.body.toString("utf8")) as { active: boolean }).active;
      if (!returnActive) deniedAtReturn += 1;
      const checks = [...poller.checks, { sentAt: returned, receivedAt: atReturnReceived, active: returnActive }];
      activeAfterReturn += checks.filter((check) => check.sentAt >= returned && check.active).length;
      const firstDenied = checks.filter((check) => !check.active).sort((a, b) => a.receivedAt - b.receivedAt)[0];
      if (firstDenied) denyMs.push(firstDenied.receivedAt - started);
      checkMs.push(...poller.checks.filter((check) => check.active).map((check) => check.receivedAt - check.sentAt));
    }
  } finally {
    loadMs = performance.now() - loadStarted;
    await Promise.all([load.stop(), health.stop()]);
  }
  const underLoadRate = ratePerSecond(accepted, loadMs);

  // Live delay under load: each background batch's last action on the stream.
  await watcher.waitFor(sent.map((batch) => batch.lastId), 15_000);
  watcher.close();
  // A batch that never arrived counts with the time waited for it: a lower bound.
  const waitedUntil = performance.now();
  const liveDelays = sent.map((batch) => (watcher.arrivals.get(batch.lastId) ?? waitedUntil) - batch.sentAt);
  const missing = sent.filter((batch) => !watcher.arrivals.has(batch.lastId)).length;

  const idle = summarize(idleMs);
  const idleHealth = summarize(idleHealthMs);
  const contained = summarize(containMs);
  const deny = summarize(denyMs);
  const healthStats = summarize(healthMs);
  const check = summarize(checkMs);
  const live = summarize(liveDelays);
  const liveRoundTrip = summarize(sent.map((batch) => batch.roundTrip));
  const n = setup.targets.length;
  const tokens = setup.targets[0]?.tokens.length ?? 0;
  log(`containment: idle p50 ${idle.p50.toFixed(0)} ms; under load p50 ${contained.p50.toFixed(0)} ms p99 ${contained.p99.toFixed(0)} ms; denied at return ${deniedAtReturn}/${n}; ingest beside it ${underLoadRate.toFixed(0)}/s`);

  const underLoad = `under ingest at ${Math.round(underLoadRate).toLocaleString("en-US")}/s`;
  return [
    figure({
      id: "containment.idle.p99",
      label: `contain p99, no load (${tokens} tokens, ${setup.idleTargets.length} agents)`,
      value: idle.p99,
      unit: "ms",
      baseline: { label: "health p99, no load", value: idleHealth.p99, unit: "ms" },
      notes: [`p50 ${idle.p50.toFixed(0)} ms (health ${idleHealth.p50.toFixed(1)} ms)`],
      details: { contain: idle, health: idleHealth },
    }),
    figure({
      id: "containment.p50",
      label: `contain p50 (${tokens} tokens, ${n} agents)`,
      value: contained.p50,
      unit: "ms",
      baseline: { label: "health p50 under same load", value: healthStats.p50, unit: "ms" },
      details: { contain: contained, health: healthStats },
    }),
    figure({
      id: "containment.p99",
      label: `contain p99 (${tokens} tokens, ${n} agents)`,
      value: contained.p99,
      unit: "ms",
      baseline: { label: "health p99 under same load", value: healthStats.p99, unit: "ms" },
      target: { text: "< 250 ms", pass: contained.p99 < 250 },
      notes: [underLoad],
    }),
    figure({
      id: "containment.deny",
      label: "contain start → token check inactive, p99",
      value: deny.p99,
      unit: "ms",
      baseline: { label: "token check p50 under load", value: check.p50, unit: "ms" },
      target: { text: `denied at return (${n}/${n})`, pass: deniedAtReturn === n && activeAfterReturn === 0 && denyMs.length === n },
      details: { deny, deniedAtReturn, activeAnswersAfterReturn: activeAfterReturn, introspectionUnderLoad: check },
    }),
    figure({
      id: "containment.ingest",
      label: "ingest beside containment",
      value: underLoadRate,
      unit: "actions/s",
      baseline: { label: "ingest alone", value: setup.ingestRate, unit: "actions/s" },
      details: { accepted, ms: loadMs, batches: sent.length },
    }),
    figure({
      id: "live.underLoad.p95",
      label: "live delay under full ingest, p95",
      value: live.p95,
      unit: "ms",
      baseline: { label: "POST round trip p95", value: liveRoundTrip.p95, unit: "ms" },
      notes: missing ? [`${missing} of ${sent.length} batches never arrived on the stream within 15 s (counted as the time waited)`] : [],
      details: { live, postRoundTrip: liveRoundTrip, batches: sent.length, missing },
    }),
  ];
}
