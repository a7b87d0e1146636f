// Token checks while reports render: introspection's p50 and p99, one check at a time,
// first alone and then while a PDF, a CSV and a Markdown report of the full report
// incident download at once (issue: a viewer's PDF must not stall the kill switch's
// enforcement point). Target: p99 under 50 ms beside the reports.
import type { ApiCaller, HttpClient } from "./http";
import { introspect } from "./measure-introspection";
import { type Figure, figure } from "./results";
import type { ResourceServerCredentials } from "./setup";
import { summarize } from "./stats";

export interface BesideReportsSetup {
  client: HttpClient;
  admin: ApiCaller;
  incidentId: string;
  server: ResourceServerCredentials;
  token: string;
  /** Checks made alone, for the baseline. */
  samples: number;
  log: (line: string) => void;
}

async function checks(setup: BesideReportsSetup, until: () => boolean, atLeast: number): Promise<number[]> {
  const latencies: number[] = [];
  while (latencies.length < atLeast || !until()) {
    const reply = await introspect(setup.client, setup.server, setup.token);
    if (reply.status !== 200) throw new Error(`introspection beside reports: HTTP ${reply.status}`);
    latencies.push(reply.ms);
  }
  return latencies;
}

export async function measureIntrospectionBesideReports(setup: BesideReportsSetup): Promise<Figure[]> {
  const alone = summarize(await checks(setup, () => true, setup.samples));
  let rendering = 3;
  const started = performance.now();
  const reports = (["pdf", "csv", "md"] as const).map((format) =>
    setup.client
      .request("GET", `/api/v1/incidents/${setup.incidentId}/report?format=${format}`, { headers: { authorization: setup.admin.authorization }, timeoutMs: 600_000 })
      .then((reply) => {
        if (reply.status !== 200) throw new Error(`report ${format}: HTTP ${reply.status}`);
      })
      .finally(() => {
        rendering -= 1;
      }),
  );
  const beside = summarize(await checks(setup, () => rendering === 0, 20));
  await Promise.all(reports);
  const renderMs = performance.now() - started;
  setup.log(`introspection alone p50 ${alone.p50.toFixed(1)} ms, p99 ${alone.p99.toFixed(1)} ms; beside three reports (${(renderMs / 1000).toFixed(1)} s, ${beside.count} checks) p50 ${beside.p50.toFixed(1)} ms, p99 ${beside.p99.toFixed(1)} ms`);
  const baseline = { label: "the same check alone", unit: "ms" };
  return [
    figure({ id: "introspection.beside-reports.p50", label: "token check p50 while PDF, CSV and Markdown reports render", value: beside.p50, unit: "ms", baseline: { ...baseline, value: alone.p50 } }),
    figure({
      id: "introspection.beside-reports.p99",
      label: "token check p99 while PDF, CSV and Markdown reports render",
      value: beside.p99,
      unit: "ms",
      baseline: { ...baseline, value: alone.p99 },
      target: { text: "< 50 ms", pass: beside.p99 < 50 },
      details: { checks: beside.count, renderMs },
    }),
  ];
}
