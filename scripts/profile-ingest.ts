// Where ingest's time goes: runs the server as `npm start` does with V8's sampling CPU
// profiler on, sends the bench's ingest batches (4 senders × 500 actions), stops the
// server cleanly (so the profile is written) and prints the self time of the busiest
// functions, grouped by package or source folder, and the top functions.
//
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx scripts/profile-ingest.ts [actions]
//
// Not part of `npm test` or `npm run bench`; the README's benchmark notes quote its output.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { actionBatch } from "./bench/action-rows";
import { createBenchDatabase } from "./bench/database";
import { HttpClient } from "./bench/http";
import { runPool } from "./bench/load";
import { freePort, startServer } from "./bench/server";
import { adminApi, createAgents, createIngestKey } from "./bench/setup";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

function groupOf(url: string): string {
  if (!url) return "(V8 / native)";
  const modules = url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
  if (modules) return modules[1] as string;
  const chunk = url.match(/\.next\/server\/chunks\/(?:ssr\/)?(.*)$/);
  if (chunk) return `next chunk ${chunk[1]}`;
  if (url.startsWith("node:")) return url;
  return path.relative(process.cwd(), url.replace(/^file:\/\//, ""));
}

function summarize(profile: Profile, top: number): string[] {
  const byNode = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map<number, number>();
  profile.samples.forEach((id, index) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0)));
  const total = [...self.values()].reduce((sum, value) => sum + value, 0);
  const groups = new Map<string, number>();
  const functions = new Map<string, number>();
  for (const [id, micros] of self) {
    const frame = (byNode.get(id) as ProfileNode).callFrame;
    if (frame.functionName === "(idle)") continue;
    groups.set(groupOf(frame.url), (groups.get(groupOf(frame.url)) ?? 0) + micros);
    const name = `${frame.functionName || "(anonymous)"} ${groupOf(frame.url)}:${frame.lineNumber + 1}`;
    functions.set(name, (functions.get(name) ?? 0) + micros);
  }
  const idle = profile.samples.reduce((sum, id, index) => sum + ((byNode.get(id) as ProfileNode).callFrame.functionName === "(idle)" ? (profile.timeDeltas[index] ?? 0) : 0), 0);
  const pct = (micros: number) => `${((100 * micros) / total).toFixed(1).padStart(5)} %`;
  const lines = [`profiled ${(total / 1e6).toFixed(1)} s, of which idle ${pct(idle)}`, "", "self time by package / folder:"];
  for (const [group, micros] of [...groups].sort((a, b) => b[1] - a[1]).slice(0, top)) lines.push(`  ${pct(micros)}  ${group}`);
  lines.push("", "self time by function:");
  for (const [name, micros] of [...functions].sort((a, b) => b[1] - a[1]).slice(0, top)) lines.push(`  ${pct(micros)}  ${name}`);
  return lines;
}

async function main() {
  const total = Number(process.argv[2] ?? 40_000);
  const profileDir = fs.mkdtempSync(path.join(os.tmpdir(), "tq-profile-"));
  const database = await createBenchDatabase(process.env.DATABASE_URL || undefined);
  const log = (line: string) => console.log(line);
  const server = await startServer({
    port: await freePort(3900, 3999),
    env: { ...database.serverEnv, TOURNIQUET_CPU_PROFILE_DIR: profileDir },
    log: () => {},
  });
  try {
    const client = new HttpClient(server.baseUrl, 16);
    const admin = await adminApi(client);
    const key = await createIngestKey(admin, "profile");
    const names = (await createAgents(admin, "profile", 20)).map((agent) => agent.name);
    const bodies: string[] = [];
    for (let start = 0; start < total; start += 500) bodies.push(JSON.stringify({ actions: actionBatch(start, 500, names, "profile") }));
    const ms = await runPool(bodies.length, 4, async (index) => {
      const reply = await client.request("POST", "/api/v1/actions", {
        headers: { authorization: `Bearer ${key.key}`, "content-type": "application/json" },
        body: bodies[index] as string,
      });
      if (reply.status !== 200) throw new Error(`batch ${index}: HTTP ${reply.status}`);
    });
    log(`${total} actions in ${(ms / 1000).toFixed(1)} s: ${Math.round((total * 1000) / ms)} actions/s (with the profiler on)`);
  } finally {
    await server.stop();
    await database.destroy();
  }
  // The serving process writes the largest profile; the start script's are nearly empty.
  const files = fs.readdirSync(profileDir).map((name) => path.join(profileDir, name));
  const largest = files.sort((a, b) => fs.statSync(b).size - fs.statSync(a).size)[0];
  if (!largest) throw new Error(`no profile was written in ${profileDir}`);
  for (const line of summarize(JSON.parse(fs.readFileSync(largest, "utf8")) as Profile, 25)) log(line);
  log(`\nprofile: ${largest} (open it in Chrome DevTools → Performance)`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
