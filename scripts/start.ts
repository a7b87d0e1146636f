// `npm start`: check the environment, open and migrate the database, build when no
// current build exists, then serve. Every failure is one line that names the problem.
// `npm run dev` does the same checks and runs the development server instead.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { openDatabase } from "@/db/client";
import { DatabaseError } from "@/db/errors";
import { EnvError, parseEnv } from "@/lib/env";
import { loadAuthSecret } from "@/lib/setup/load-auth-secret";

const root = process.cwd();
const dev = process.argv.includes("--dev");
const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");

function fail(message: string): never {
  console.error(`Tourniquet cannot start: ${message}`);
  process.exit(1);
}

// Files whose change makes an existing production build stale.
const buildInputs = ["app", "components", "lib", "db", "public", "proxy.ts", "instrumentation.ts", "next.config.ts", "postcss.config.mjs", "package-lock.json", "tsconfig.json"];

function newestMtime(entry: string): number {
  const stat = fs.statSync(entry, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const child of fs.readdirSync(entry)) newest = Math.max(newest, newestMtime(path.join(entry, child)));
  return newest;
}

function buildIsCurrent(): boolean {
  const buildId = fs.statSync(path.join(root, ".next", "BUILD_ID"), { throwIfNoEntry: false });
  if (!buildId) return false;
  return buildInputs.every((input) => newestMtime(path.join(root, input)) <= buildId.mtimeMs);
}

async function main() {
  let env;
  try {
    env = parseEnv(process.env);
    loadAuthSecret(env);
  } catch (error) {
    if (error instanceof EnvError) fail(error.message);
    throw error;
  }

  // Opening migrates; doing it here turns a bad DATABASE_URL into one line before
  // anything else runs. The server opens its own connection afterwards.
  try {
    const database = await openDatabase(env.DATABASE_URL ? { url: env.DATABASE_URL } : { dataDir: env.dataDir });
    await database.close();
  } catch (error) {
    if (error instanceof DatabaseError) fail(error.message);
    fail(`the database could not be opened: ${error instanceof Error ? error.message : String(error)}`);
  }

  const childEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", PORT: String(env.PORT) };
  if (!dev && !buildIsCurrent()) {
    console.log("Tourniquet: building the console (first start or changed sources)…");
    const build = spawnSync(process.execPath, [nextBin, "build"], { stdio: "inherit", env: childEnv });
    if (build.status !== 0) fail("the production build failed (see the output above)");
  }

  // For scripts/profile-ingest.ts: V8's profiler on the serving process (Node refuses
  // --cpu-prof in NODE_OPTIONS).
  const profileDir = process.env.TOURNIQUET_CPU_PROFILE_DIR;
  const profile = profileDir ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : [];
  const server = spawn(process.execPath, [...profile, path.join(root, "scripts", "serve.mjs"), ...(dev ? ["--dev"] : [])], {
    stdio: "inherit",
    env: childEnv,
  });
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
  server.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

void main();
