// The simulator's command line. Credentials come from the environment, never from
// arguments (they would show in the process list and the shell history).
import { randomBytes } from "node:crypto";
import type { ScenarioSize } from "@/lib/demo/company";
import { DEFAULT_SEED } from "@/lib/demo/scenario";

export interface SimulateOptions {
  url: string;
  /** How many times faster than real time; Infinity sends as fast as the server takes it. */
  speed: number;
  size: ScenarioSize;
  story: boolean;
  routine: boolean;
  seed: string;
  /** Suffix of agent names and prefix of action ids: what makes this run's data its own. */
  run: string;
  /** Simulated minutes; the story needs at least 152. */
  minutes: number;
  json: boolean;
  auth: { apiKey: string } | { email: string; password: string };
  /** An existing ingest key: rerunning with the same --run and --seed then stores nothing twice. */
  ingestKey?: string;
}

export class UsageError extends Error {}

export const usage = `Usage: npm run simulate -- --url <base> [options]

Drives a running Tourniquet through its public APIs: registers a company's agents,
sends their actions (batch API and OTLP/HTTP JSON) and plays the March 2026 case.

  --url <base>        the console, e.g. http://localhost:3000 (default: $TOURNIQUET_URL)
  --speed <n|max>     1 = real time, 60 = sixty times faster, max = as fast as possible (default 60)
  --size <s>          small, normal, large, or a number of agents (default normal)
  --scenario-only     only the story's actions, no routine work
  --no-scenario       only routine work
  --seed <text>       the same seed tells the same story (default ${DEFAULT_SEED})
  --run <tag>         suffix of agent names and prefix of action ids (default: random)
  --minutes <n>       simulated time (default 167 with the story, 60 without)
  --json              print the summary as JSON on stdout
  --help              this text

Environment: TOURNIQUET_ADMIN_EMAIL and TOURNIQUET_ADMIN_PASSWORD (an admin, to create
an ingest key and register agents), or TOURNIQUET_API_KEY (an admin API key) instead;
TOURNIQUET_INGEST_KEY to send with an existing ingest key.`;

export const STORY_MINUTES = 167;

function sizeOf(value: string): ScenarioSize {
  if (value === "small" || value === "normal" || value === "large") return value;
  const count = Number(value);
  if (!Number.isInteger(count) || count < 1 || count > 2000) throw new UsageError(`--size is small, normal, large or a number of agents from 1 to 2000, not "${value}".`);
  return count;
}

function speedOf(value: string): number {
  if (value === "max") return Number.POSITIVE_INFINITY;
  const speed = Number(value);
  if (!Number.isFinite(speed) || speed < 1) throw new UsageError(`--speed is a number of at least 1 (1 = real time) or max, not "${value}".`);
  return speed;
}

export function parseSimulateOptions(argv: readonly string[], env: Record<string, string | undefined>): SimulateOptions | "help" {
  const flags = new Map<string, string | true>();
  const valued = new Set(["--url", "--speed", "--size", "--seed", "--run", "--minutes"]);
  const switches = new Set(["--scenario-only", "--no-scenario", "--json", "--help", "-h"]);
  for (let index = 0; index < argv.length; index++) {
    const [name = "", inline] = (argv[index] ?? "").split(/=(.*)/s, 2);
    if (switches.has(name) && inline === undefined) flags.set(name, true);
    else if (valued.has(name)) {
      const value = inline ?? argv[++index];
      if (value === undefined || (inline === undefined && value.startsWith("--"))) throw new UsageError(`${name} needs a value.`);
      flags.set(name, value);
    } else throw new UsageError(`Unknown option "${argv[index]}". Try --help.`);
  }
  if (flags.has("--help") || flags.has("-h")) return "help";
  const text = (name: string) => (typeof flags.get(name) === "string" ? (flags.get(name) as string) : undefined);

  const rawUrl = text("--url") ?? env.TOURNIQUET_URL;
  if (!rawUrl) throw new UsageError("Say which Tourniquet to drive: --url http://localhost:3000 (or set TOURNIQUET_URL).");
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    throw new UsageError(`--url is not a URL: "${rawUrl}".`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new UsageError(`--url must be http or https, not ${url.protocol}`);

  if (flags.has("--scenario-only") && flags.has("--no-scenario")) throw new UsageError("--scenario-only and --no-scenario exclude each other.");
  const story = !flags.has("--no-scenario");
  const run = text("--run") ?? randomBytes(3).toString("hex");
  if (!/^[a-z0-9][a-z0-9-]{0,15}$/.test(run)) throw new UsageError(`--run is 1 to 16 lower-case letters, digits or dashes, not "${run}".`);
  const minutes = text("--minutes") === undefined ? (story ? STORY_MINUTES : 60) : Number(text("--minutes"));
  if (!Number.isFinite(minutes) || minutes < 1 || minutes > 7 * 24 * 60) throw new UsageError("--minutes is a number of minutes from 1 to 10080.");
  if (story && minutes < 152) throw new UsageError("The story needs at least 152 simulated minutes (--minutes 152).");

  const apiKey = env.TOURNIQUET_API_KEY;
  const email = env.TOURNIQUET_ADMIN_EMAIL;
  const password = env.TOURNIQUET_ADMIN_PASSWORD;
  if (!apiKey && !(email && password)) {
    throw new UsageError("Set TOURNIQUET_ADMIN_EMAIL and TOURNIQUET_ADMIN_PASSWORD (an admin of that Tourniquet), or TOURNIQUET_API_KEY.");
  }

  return {
    url: url.toString().replace(/\/+$/, ""),
    speed: speedOf(text("--speed") ?? "60"),
    size: sizeOf(text("--size") ?? "normal"),
    story,
    routine: !flags.has("--scenario-only"),
    seed: text("--seed") ?? DEFAULT_SEED,
    run,
    minutes,
    json: flags.has("--json"),
    auth: apiKey ? { apiKey } : { email: email ?? "", password: password ?? "" },
    ...(env.TOURNIQUET_INGEST_KEY ? { ingestKey: env.TOURNIQUET_INGEST_KEY } : {}),
  };
}
