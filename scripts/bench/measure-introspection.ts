// Token checks: RFC 7662 introspection as resource servers call it (HTTP Basic, form
// body), in requests per second and latency, against GET /api/health on the same
// server at the same concurrency. Health also reaches the database (one trivial
// query), so the ratio isolates what a check adds: client authentication, the token
// lookup and its last-used stamp.
//
// The two run in alternating rounds, so a burst of noise from other work on the
// machine lands on both rather than on one.
import type { HttpClient, HttpReply } from "./http";
import { runPool } from "./load";
import { type Figure, figure } from "./results";
import type { ResourceServerCredentials } from "./setup";
import { ratePerSecond, summarize } from "./stats";

export interface IntrospectionSetup {
  client: HttpClient;
  /** One per worker: each resource server may make 12,000 checks a minute. */
  resourceServers: ResourceServerCredentials[];
  tokens: string[];
  requests: number;
  concurrency: number;
  log: (line: string) => void;
}

interface Round {
  latencies: number[];
  ms: number;
  failures: number;
  inactive: number;
}

export function introspect(client: HttpClient, server: ResourceServerCredentials, token: string): Promise<HttpReply> {
  return client.request("POST", "/api/oauth/introspect", {
    headers: { authorization: server.basic, "content-type": "application/x-www-form-urlencoded" },
    body: `token=${encodeURIComponent(token)}`,
  });
}

async function introspectionRound(setup: IntrospectionSetup, count: number): Promise<Round> {
  const round: Round = { latencies: [], ms: 0, failures: 0, inactive: 0 };
  round.ms = await runPool(count, setup.concurrency, async (index, worker) => {
    const server = setup.resourceServers[worker % setup.resourceServers.length]!;
    const reply = await introspect(setup.client, server, setup.tokens[index % setup.tokens.length]!);
    round.latencies.push(reply.ms);
    if (reply.status !== 200) round.failures += 1;
    else if (!(JSON.parse(reply.body.toString("utf8")) as { active: boolean }).active) round.inactive += 1;
  });
  return round;
}

async function healthRound(setup: IntrospectionSetup, count: number): Promise<Round> {
  const round: Round = { latencies: [], ms: 0, failures: 0, inactive: 0 };
  round.ms = await runPool(count, setup.concurrency, async () => {
    const reply = await setup.client.request("GET", "/api/health");
    round.latencies.push(reply.ms);
    if (reply.status !== 200) round.failures += 1;
  });
  return round;
}

function merge(rounds: Round[]): Round {
  return rounds.reduce((all, round) => ({
    latencies: all.latencies.concat(round.latencies),
    ms: all.ms + round.ms,
    failures: all.failures + round.failures,
    inactive: all.inactive + round.inactive,
  }));
}

export async function measureIntrospection(setup: IntrospectionSetup): Promise<Figure[]> {
  await introspectionRound(setup, Math.min(500, setup.requests));
  await healthRound(setup, Math.min(500, setup.requests));

  const rounds = 4;
  const perRound = Math.ceil(setup.requests / rounds);
  const checks: Round[] = [];
  const health: Round[] = [];
  for (let index = 0; index < rounds; index++) {
    health.push(await healthRound(setup, perRound));
    checks.push(await introspectionRound(setup, perRound));
  }
  // The same at concurrency 1: the latency of one check with no queue in front of it.
  const single = { ...setup, concurrency: 1 };
  const singleChecks: Round[] = [];
  const singleHealth: Round[] = [];
  for (let index = 0; index < 2; index++) {
    singleHealth.push(await healthRound(single, Math.ceil(perRound / 4)));
    singleChecks.push(await introspectionRound(single, Math.ceil(perRound / 4)));
  }
  const check = merge(checks);
  const trivial = merge(health);
  const alone = summarize(merge(singleChecks).latencies);
  const aloneHealth = summarize(merge(singleHealth).latencies);
  if (check.failures || check.inactive) {
    throw new Error(`introspection: ${check.failures} failed requests and ${check.inactive} inactive answers for live tokens`);
  }
  const checkRate = ratePerSecond(check.latencies.length, check.ms);
  const healthRate = ratePerSecond(trivial.latencies.length, trivial.ms);
  const checkStats = summarize(check.latencies);
  const healthStats = summarize(trivial.latencies);
  setup.log(`introspection: ${checkRate.toFixed(0)}/s p50 ${checkStats.p50.toFixed(1)} ms p99 ${checkStats.p99.toFixed(1)} ms; health ${healthRate.toFixed(0)}/s; alone p50 ${alone.p50.toFixed(1)} ms p99 ${alone.p99.toFixed(1)} ms`);

  const c = setup.concurrency;
  const details = { requests: check.latencies.length, concurrency: c, rounds, introspection: checkStats, health: healthStats, healthFailures: trivial.failures, alone, aloneHealth };
  return [
    figure({
      id: "introspection.rate",
      label: `introspection POST /api/oauth/introspect (c=${c})`,
      value: checkRate,
      unit: "req/s",
      baseline: { label: `GET /api/health (c=${c})`, value: healthRate, unit: "req/s" },
      target: { text: "ratio ≥ 0.5", pass: checkRate >= 0.5 * healthRate },
      details,
    }),
    figure({
      id: "introspection.p50",
      label: `introspection p50 (c=${c})`,
      value: checkStats.p50,
      unit: "ms",
      baseline: { label: "health p50", value: healthStats.p50, unit: "ms" },
    }),
    figure({
      id: "introspection.p99",
      label: `introspection p99 (c=${c})`,
      value: checkStats.p99,
      unit: "ms",
      baseline: { label: "health p99", value: healthStats.p99, unit: "ms" },
      target: { text: "< 10 ms", pass: checkStats.p99 < 10 },
    }),
    figure({
      id: "introspection.alone.p99",
      label: "introspection p99 (c=1)",
      value: alone.p99,
      unit: "ms",
      baseline: { label: "health p99 (c=1)", value: aloneHealth.p99, unit: "ms" },
      target: { text: "< 10 ms", pass: alone.p99 < 10 },
      notes: [`p50 ${alone.p50.toFixed(1)} ms (health ${aloneHealth.p50.toFixed(1)} ms), ${alone.count} checks one at a time`],
    }),
  ];
}
