// The live timeline: the delay from sending an action (POST /api/v1/actions) to its
// arrival at a subscriber of GET /api/v1/stream. One action per request, one request
// at a time, 50 ms apart, on an otherwise idle server. The baseline is the POST's own
// round trip: the action is committed by then, so the difference is what LISTEN/NOTIFY,
// the hub's read-back and the SSE write add.
import { actionBatch } from "./action-rows";
import type { ApiCaller, HttpClient } from "./http";
import { LiveWatcher } from "./live-stream";
import { sleep } from "./load";
import { type Figure, figure } from "./results";
import type { BenchAgent } from "./setup";
import { summarize } from "./stats";

export interface LiveSetup {
  client: HttpClient;
  admin: ApiCaller;
  baseUrl: string;
  ingestKey: string;
  agent: BenchAgent;
  samples: number;
  log: (line: string) => void;
}

const WAIT_MS = 10_000;

export async function measureLive(setup: LiveSetup): Promise<Figure[]> {
  const watcher = await LiveWatcher.open(setup.baseUrl, setup.admin.authorization);
  const sent: { id: string; sentAt: number; roundTrip: number }[] = [];
  try {
    for (let index = -3; index < setup.samples; index++) {
      const [action] = actionBatch(index + 3, 1, [setup.agent.name], index < 0 ? "live-warm" : "live");
      const sentAt = performance.now();
      const reply = await setup.client.request("POST", "/api/v1/actions", {
        headers: { authorization: `Bearer ${setup.ingestKey}`, "content-type": "application/json" },
        body: JSON.stringify({ actions: [action] }),
      });
      if (reply.status !== 200) throw new Error(`live: HTTP ${reply.status}`);
      if (index >= 0) sent.push({ id: action!.id, sentAt, roundTrip: reply.ms });
      await sleep(50);
    }
    await watcher.waitFor(sent.map((item) => item.id), WAIT_MS);
  } finally {
    watcher.close();
  }
  // An action that never arrived counts with the time waited for it: a lower bound.
  const waitedUntil = performance.now();
  const missing = sent.filter((item) => !watcher.arrivals.has(item.id)).length;
  const delays = sent.map((item) => (watcher.arrivals.get(item.id) ?? waitedUntil) - item.sentAt);
  const live = summarize(delays);
  const roundTrip = summarize(sent.map((item) => item.roundTrip));
  setup.log(`live: p50 ${live.p50.toFixed(1)} ms p95 ${live.p95.toFixed(1)} ms (${missing} missing)`);
  const notes = missing ? [`${missing} of ${sent.length} actions never arrived within ${WAIT_MS / 1000} s (counted as the time waited)`] : [];
  return [
    figure({
      id: "live.p50",
      label: "live delay POST → SSE, p50 (idle)",
      value: live.p50,
      unit: "ms",
      baseline: { label: "POST round trip p50", value: roundTrip.p50, unit: "ms" },
      notes,
      details: { live, postRoundTrip: roundTrip, samples: sent.length, missing },
    }),
    figure({
      id: "live.p95",
      label: "live delay POST → SSE, p95 (idle)",
      value: live.p95,
      unit: "ms",
      baseline: { label: "POST round trip p95", value: roundTrip.p95, unit: "ms" },
      target: { text: "< 500 ms", pass: live.p95 < 500 && missing === 0 },
      notes,
    }),
  ];
}
