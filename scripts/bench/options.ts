// Command line and the sizes of a run. `--quick` divides every size by a hundred (with
// floors where fewer samples would measure nothing) so the whole bench runs as a
// smoke check in under two minutes.
import { scaled } from "./stats";

export interface Options {
  quick: boolean;
  databaseUrl: string | undefined;
  /** Ports 3300-3399 by default; --port picks one. */
  portRange: [number, number];
  output: string;
  /** Skip the 10,000,000-row timeline step on PostgreSQL (it takes minutes). */
  skipTenMillion: boolean;
  /** `--only reports,ingest`: measure only these steps (the fill and set-up always run). */
  only: Set<BenchStep> | null;
}

export const benchSteps = ["timeline", "ingest", "token-checks", "token-endpoint", "containment", "live", "reports", "gateway", "ten-million"] as const;
export type BenchStep = (typeof benchSteps)[number];

export function parseOptions(argv: readonly string[], env: NodeJS.ProcessEnv): Options {
  const value = (flag: string) => {
    const index = argv.indexOf(flag);
    return index >= 0 ? argv[index + 1] : undefined;
  };
  const port = value("--port");
  for (const argument of argv) {
    if (argument.startsWith("--") && !["--quick", "--port", "--output", "--skip-10m", "--only", "--help"].includes(argument)) {
      throw new Error(`unknown option ${argument} (options: --quick, --port <n>, --output <file>, --skip-10m, --only <steps>)`);
    }
  }
  const only = value("--only");
  const steps = only ? only.split(",").map((step) => step.trim()) : null;
  for (const step of steps ?? []) {
    if (!(benchSteps as readonly string[]).includes(step)) throw new Error(`unknown step ${step} (steps: ${benchSteps.join(", ")})`);
  }
  return {
    quick: argv.includes("--quick"),
    databaseUrl: env.DATABASE_URL || undefined,
    portRange: port ? [Number(port), Number(port)] : [3300, 3399],
    output: value("--output") ?? "bench-results.json",
    skipTenMillion: argv.includes("--skip-10m"),
    only: steps ? new Set(steps as BenchStep[]) : null,
  };
}

export interface Sizes {
  /** Actions stored when the timeline is measured; PGlite stops at the first. */
  timelineRows: number[];
  /** Agents the timeline fill spreads its rows over. */
  fillAgents: number;
  /** Actions of the incident whose report is exported. */
  reportActions: number;
  /** Actions sent per ingest path (API, OTLP, direct). */
  ingestActions: number;
  ingestBatch: number;
  ingestSenders: number;
  introspectionRequests: number;
  /** Concurrency of token checks and of the trivial route they are compared with. */
  introspectionConcurrency: number;
  containAgents: number;
  /** Agents contained with no load beside, for comparison. */
  idleContainAgents: number;
  tokensPerAgent: number;
  liveSamples: number;
  /** Times each timeline query is timed (after warm-up). */
  timelineRepeats: number;
}

export function sizesFor(quick: boolean, kind: "postgres" | "pglite"): Sizes {
  const factor = quick ? 0.01 : 1;
  // PGlite is capped at a million rows: the fill runs in WebAssembly in one process
  // (about 18,000 rows/s here) and ten million rows would not fit a reasonable run.
  const timelineRows = kind === "pglite" ? [1_000_000] : [1_000_000, 10_000_000];
  return {
    timelineRows: timelineRows.map((rows) => scaled(rows, factor)),
    fillAgents: 50,
    reportActions: scaled(100_000, factor),
    ingestActions: scaled(100_000, factor, 1_000),
    ingestBatch: 500,
    ingestSenders: 4,
    introspectionRequests: scaled(20_000, factor, 200),
    introspectionConcurrency: 8,
    containAgents: quick ? 5 : 20,
    idleContainAgents: quick ? 2 : 3,
    tokensPerAgent: scaled(1_000, factor),
    liveSamples: quick ? 20 : 200,
    timelineRepeats: quick ? 10 : 50,
  };
}
