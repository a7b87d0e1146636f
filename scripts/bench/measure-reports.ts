// Incident reports: the time to download the CSV and PDF export of an incident with
// 100,000 actions, and how much the server's memory grows meanwhile. Exports are
// streamed (lib/reports), so memory must not grow with the number of actions: the
// same CSV export of a tenth of the actions (a second incident over the last tenth of
// the window) shows whether it does.
//
// Time baseline: on PostgreSQL, a raw `COPY (select …) TO STDOUT (format csv)` of the
// same rows straight from the database; on PGlite (no second process may open it),
// the JSON export of the same incident from the same server.
// Memory: the serving process's RSS is sampled every 20 ms and its kernel peak (VmHWM,
// reset just before each export through /proc/<pid>/clear_refs) is read after it.
import postgres from "postgres";
import type { ApiCaller, HttpClient } from "./http";
import { type Figure, figure } from "./results";
import { memoryOf, resetPeakMemory, sampleMemory } from "./server";

export interface ReportSetup {
  client: HttpClient;
  admin: ApiCaller;
  serverPid: number;
  incidentId: string;
  tenthIncidentId: string;
  actions: number;
  /** For the COPY baseline on PostgreSQL. */
  postgresUrl?: string;
  reportAgentId: string;
  windowStart: Date;
  log: (line: string) => void;
}

interface Export {
  format: string;
  ms: number;
  bytes: number;
  lines: number;
  rssBeforeMb: number;
  peakMb: number;
  growthMb: number;
  kernelPeak: boolean;
}

async function exportReport(setup: ReportSetup, incidentId: string, format: string): Promise<Export> {
  const before = memoryOf(setup.serverPid).rssMb;
  const kernelPeak = resetPeakMemory(setup.serverPid);
  const stopSampling = sampleMemory(setup.serverPid);
  let bytes = 0;
  let lines = 0;
  const reply = await setup.client.request("GET", `/api/v1/incidents/${incidentId}/report?format=${format}`, {
    headers: { authorization: setup.admin.authorization },
    onChunk: (chunk) => {
      bytes += chunk.length;
      for (let index = chunk.indexOf(10); index >= 0; index = chunk.indexOf(10, index + 1)) lines += 1;
    },
    timeoutMs: 600_000,
  });
  const sampled = stopSampling();
  if (reply.status !== 200) throw new Error(`report ${format}: HTTP ${reply.status}`);
  const peak = kernelPeak ? Math.max(sampled, memoryOf(setup.serverPid).peakMb) : sampled;
  return { format, ms: reply.ms, bytes, lines, rssBeforeMb: before, peakMb: peak, growthMb: Math.max(0, peak - before), kernelPeak };
}

/** The same rows the CSV holds, as PostgreSQL's own COPY writes them. */
async function copyBaseline(setup: ReportSetup & { postgresUrl: string }): Promise<{ ms: number; bytes: number; lines: number }> {
  const sql = postgres(setup.postgresUrl, { max: 1, onnotice: () => {} });
  try {
    // Literals, not parameters: COPY takes none. Both values are ours (a uuid and a date).
    const query = `copy (
      select a.occurred_at, a.id, a.actor_type, g.name, a.human_id, a.kind, a.tool, a.target_type, a.target_id,
             a.sensitivity, a.outcome, a.on_behalf_of, a.after_containment, a.summary
      from actions a left join agents g on g.id = a.agent_id
      where a.agent_id = '${setup.reportAgentId}' and a.occurred_at >= '${setup.windowStart.toISOString()}' and a.occurred_at < now()
      order by a.occurred_at, a.id) to stdout (format csv, header)`;
    const started = performance.now();
    const stream = await sql.unsafe(query).readable();
    let bytes = 0;
    let lines = 0;
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      bytes += chunk.length;
      for (let index = chunk.indexOf(10); index >= 0; index = chunk.indexOf(10, index + 1)) lines += 1;
    }
    return { ms: performance.now() - started, bytes, lines };
  } finally {
    await sql.end({ timeout: 5 });
  }
}

export async function measureReports(setup: ReportSetup): Promise<Figure[]> {
  // Warm-up: compile the route and the report code paths once.
  await exportReport(setup, setup.tenthIncidentId, "md");
  const tenth = await exportReport(setup, setup.tenthIncidentId, "csv");
  const csv = await exportReport(setup, setup.incidentId, "csv");
  const pdf = await exportReport(setup, setup.incidentId, "pdf");
  const json = await exportReport(setup, setup.incidentId, "json");
  if (csv.lines < setup.actions) throw new Error(`CSV report has ${csv.lines} lines for ${setup.actions} actions`);
  for (const item of [tenth, csv, pdf, json]) {
    setup.log(`report ${item.format}: ${(item.ms / 1000).toFixed(2)} s, ${(item.bytes / 1e6).toFixed(1)} MB, server RSS +${item.growthMb.toFixed(0)} MB`);
  }

  let baseline: { label: string; ms: number };
  const details: Record<string, unknown> = { csv, pdf, json, tenthCsv: tenth, actions: setup.actions };
  if (setup.postgresUrl) {
    const copy = await copyBaseline({ ...setup, postgresUrl: setup.postgresUrl });
    if (copy.lines < setup.actions) throw new Error(`COPY baseline returned ${copy.lines} lines for ${setup.actions} actions`);
    baseline = { label: "SQL COPY of the same rows", ms: copy.ms };
    details.copy = copy;
  } else {
    baseline = { label: "JSON export, same incident", ms: json.ms };
  }

  const bound = Math.max(64, 3 * tenth.growthMb);
  const n = setup.actions.toLocaleString("en-US");
  return [
    figure({
      id: "reports.csv.time",
      label: `report CSV, ${n} actions`,
      value: csv.ms,
      unit: "ms",
      baseline: { label: baseline.label, value: baseline.ms, unit: "ms" },
      target: { text: "< 3 s", pass: csv.ms < 3000 },
      details,
    }),
    figure({
      id: "reports.csv.memory",
      label: `report CSV, server peak RSS growth`,
      value: csv.growthMb,
      unit: "MB",
      baseline: { label: `CSV of a tenth (${Math.round(setup.actions / 10).toLocaleString("en-US")})`, value: tenth.growthMb, unit: "MB" },
      target: { text: `≤ max(64 MB, 3× tenth) = ${bound.toFixed(0)} MB`, pass: csv.growthMb <= bound },
      notes: [`server RSS before ${csv.rssBeforeMb.toFixed(0)} MB, peak ${csv.peakMb.toFixed(0)} MB${csv.kernelPeak ? " (VmHWM)" : " (sampled)"}`],
    }),
    figure({
      id: "reports.pdf.time",
      label: `report PDF, ${n} actions`,
      value: pdf.ms,
      unit: "ms",
      baseline: { label: baseline.label, value: baseline.ms, unit: "ms" },
      notes: [`server peak RSS growth ${pdf.growthMb.toFixed(0)} MB, ${(pdf.bytes / 1e6).toFixed(1)} MB of PDF`],
    }),
  ];
}
