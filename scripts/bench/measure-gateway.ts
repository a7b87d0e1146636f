// The MCP gateway's added latency: a trivial tool call (echo) through /mcp/{name} on the
// production server against the same call made straight to the upstream, same run, same
// SDK client, alternating rounds so noise lands on both. p50/p99 at concurrency 1,
// throughput at concurrency 8. The upstream is the SDK's McpServer on loopback.
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { UPSTREAM_KEY_HEADER, startMcpUpstream } from "@/lib/testing/mcp-upstream";
import type { ApiCaller } from "./http";
import { runPool } from "./load";
import { type Figure, figure } from "./results";
import { ratePerSecond, summarize } from "./stats";

export interface GatewaySetup {
  admin: ApiCaller;
  baseUrl: string;
  agentToken: string;
  calls: number;
  log: (line: string) => void;
}

async function connect(url: string, headers: Record<string, string>): Promise<Client> {
  const client = new Client({ name: "bench", version: "1" });
  await client.connect(new StreamableHTTPClientTransport(new URL(url), { requestInit: { headers } }));
  return client;
}

async function round(clients: Client[], count: number, concurrency: number) {
  const latencies: number[] = [];
  const ms = await runPool(count, concurrency, async (_index, worker) => {
    const started = performance.now();
    await (clients[worker % clients.length] as Client).callTool({ name: "echo", arguments: { text: "bench" } });
    latencies.push(performance.now() - started);
  });
  return { latencies, ms };
}

export async function measureGateway(setup: GatewaySetup): Promise<Figure[]> {
  const key = `bench-${Math.random().toString(36).slice(2)}`;
  const upstream = await startMcpUpstream(key);
  const clients: Client[] = [];
  try {
    await setup.admin.post("/api/v1/mcp-servers", { name: "bench", url: upstream.url, headers: { [UPSTREAM_KEY_HEADER]: key }, capture: "hash" });
    const open = async (count: number, gateway: boolean) => {
      const made = await Promise.all(
        Array.from({ length: count }, () =>
          gateway ? connect(`${setup.baseUrl}/mcp/bench`, { authorization: `Bearer ${setup.agentToken}` }) : connect(upstream.url, { [UPSTREAM_KEY_HEADER]: key }),
        ),
      );
      clients.push(...made);
      return made;
    };
    const via = await open(8, true);
    const direct = await open(8, false);
    await round(via, 50, 8); // warm-up: JIT, connection pools, the gateway's upstream client
    await round(direct, 50, 8);
    const serial = { gateway: [] as number[], direct: [] as number[] };
    const parallel = { gateway: { n: 0, ms: 0 }, direct: { n: 0, ms: 0 } };
    for (let index = 0; index < 4; index++) {
      for (const [name, pool] of [["direct", direct], ["gateway", via]] as const) {
        serial[name].push(...(await round(pool, Math.ceil(setup.calls / 4), 1)).latencies);
        const burst = await round(pool, Math.ceil(setup.calls / 2), 8);
        parallel[name].n += burst.latencies.length;
        parallel[name].ms += burst.ms;
      }
    }
    const g = summarize(serial.gateway);
    const d = summarize(serial.direct);
    const gRate = ratePerSecond(parallel.gateway.n, parallel.gateway.ms);
    const dRate = ratePerSecond(parallel.direct.n, parallel.direct.ms);
    setup.log(`gateway: p50 ${g.p50.toFixed(2)} ms p99 ${g.p99.toFixed(2)} ms; direct p50 ${d.p50.toFixed(2)} ms p99 ${d.p99.toFixed(2)} ms; c=8 ${gRate.toFixed(0)}/s vs ${dRate.toFixed(0)}/s direct`);
    return [
      figure({
        id: "gateway.p50",
        label: "tools/call through the MCP gateway, p50 (c=1)",
        value: g.p50,
        unit: "ms",
        baseline: { label: "same call straight to the upstream, p50", value: d.p50, unit: "ms" },
        target: { text: "added p50 ≤ 5 ms", pass: g.p50 - d.p50 <= 5 },
        details: { gateway: g, direct: d, calls: serial.gateway.length },
      }),
      figure({
        id: "gateway.p99",
        label: "tools/call through the MCP gateway, p99 (c=1)",
        value: g.p99,
        unit: "ms",
        baseline: { label: "same call straight to the upstream, p99", value: d.p99, unit: "ms" },
      }),
      figure({
        id: "gateway.rate",
        label: "tools/call through the MCP gateway (c=8)",
        value: gRate,
        unit: "calls/s",
        baseline: { label: "same call straight to the upstream (c=8)", value: dRate, unit: "calls/s" },
        target: { text: "≥ 0.5× direct", pass: gRate >= 0.5 * dRate },
        details: { calls: parallel.gateway.n },
      }),
    ];
  } finally {
    await Promise.all(clients.map((client) => client.close().catch(() => {})));
    await upstream.close();
  }
}
