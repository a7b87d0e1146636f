// The token endpoint: client_credentials tokens per second (client_secret_basic, each one
// a real token with its audit entry), against GET /api/health on the same server at the
// same concurrency, in alternating rounds so noise lands on both.
import type { HttpClient } from "./http";
import { runPool } from "./load";
import { type Figure, figure } from "./results";
import { ratePerSecond, summarize } from "./stats";

export interface TokenEndpointSetup {
  client: HttpClient;
  /** `Basic …` of an agent's OAuth client. */
  basic: string;
  requests: number;
  concurrency: number;
  log: (line: string) => void;
}

async function round(setup: TokenEndpointSetup, count: number, token: boolean) {
  const latencies: number[] = [];
  let failures = 0;
  const ms = await runPool(count, setup.concurrency, async () => {
    const reply = token
      ? await setup.client.request("POST", "/api/oauth/token", {
          headers: { authorization: setup.basic, "content-type": "application/x-www-form-urlencoded" },
          body: "grant_type=client_credentials",
        })
      : await setup.client.request("GET", "/api/health");
    latencies.push(reply.ms);
    if (reply.status !== 200) failures += 1;
  });
  return { latencies, ms, failures };
}

export async function measureTokenEndpoint(setup: TokenEndpointSetup): Promise<Figure[]> {
  await round(setup, Math.min(100, setup.requests), true);
  const tokens = { latencies: [] as number[], ms: 0, failures: 0 };
  const health = { latencies: [] as number[], ms: 0, failures: 0 };
  for (let index = 0; index < 4; index++) {
    for (const [total, isToken] of [[health, false], [tokens, true]] as const) {
      const one = await round(setup, Math.ceil(setup.requests / 4), isToken);
      total.latencies.push(...one.latencies);
      total.ms += one.ms;
      total.failures += one.failures;
    }
  }
  if (tokens.failures) throw new Error(`token endpoint: ${tokens.failures} requests failed`);
  const rate = ratePerSecond(tokens.latencies.length, tokens.ms);
  const healthRate = ratePerSecond(health.latencies.length, health.ms);
  const stats = summarize(tokens.latencies);
  setup.log(`token endpoint: ${rate.toFixed(0)} tokens/s p50 ${stats.p50.toFixed(1)} ms p99 ${stats.p99.toFixed(1)} ms; health ${healthRate.toFixed(0)}/s`);
  const c = setup.concurrency;
  return [
    figure({
      id: "oauth.token.rate",
      label: `client_credentials POST /api/oauth/token (c=${c})`,
      value: rate,
      unit: "tokens/s",
      baseline: { label: `GET /api/health (c=${c})`, value: healthRate, unit: "req/s" },
      details: { requests: tokens.latencies.length, concurrency: c, token: stats, health: summarize(health.latencies) },
    }),
  ];
}
