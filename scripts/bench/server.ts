// Starts the app the way `npm start` does (scripts/start.ts: environment check,
// migrations, build when stale, then `next start`) on a port of its own, waits for
// /api/health, and finds the process that actually serves, so its memory can be read.
import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";

export const BENCH_ADMIN = { email: "bench-admin@example.test", password: "bench admin password 1" };

export interface RunningServer {
  baseUrl: string;
  port: number;
  /** The process listening on the port (the Next.js server), not the start script. */
  pid: number;
  /** Milliseconds from spawn to the first 200 from /api/health. */
  startMs: number;
  stop(): Promise<void>;
}

/** The first port in [from, to] nothing listens on. */
export async function freePort(from: number, to: number): Promise<number> {
  for (let port = from; port <= to; port++) {
    const free = await new Promise<boolean>((resolve) => {
      const probe = net.createServer();
      probe.once("error", () => resolve(false));
      probe.listen(port, "127.0.0.1", () => probe.close(() => resolve(true)));
    });
    if (free) return port;
  }
  throw new Error(`no free port between ${from} and ${to}`);
}

function childrenOf(pid: number): number[] {
  const found: number[] = [];
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // Field 4 of /proc/<pid>/stat is the parent; the name in field 2 may hold spaces.
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      const parent = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (parent === pid) found.push(Number(entry));
    } catch {
      // the process ended while we looked
    }
  }
  return found;
}

function descendantsOf(pid: number): number[] {
  const all: number[] = [];
  const queue = [pid];
  while (queue.length) {
    const next = queue.shift() as number;
    for (const child of childrenOf(next)) {
      all.push(child);
      queue.push(child);
    }
  }
  return all;
}

/** Socket inodes listening on the port, from /proc/net/tcp{,6}. */
function listeningInodes(port: number): Set<string> {
  const inodes = new Set<string>();
  const hexPort = port.toString(16).toUpperCase().padStart(4, "0");
  for (const file of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    let text = "";
    try {
      text = fs.readFileSync(file, "utf8");
    } catch {
      continue;
    }
    for (const line of text.split("\n").slice(1)) {
      const fields = line.trim().split(/\s+/);
      // local_address is field 1 (ADDR:PORT), st 0A is LISTEN, inode is field 9.
      if (fields[1]?.endsWith(`:${hexPort}`) && fields[3] === "0A" && fields[9]) inodes.add(fields[9]);
    }
  }
  return inodes;
}

function listenerAmong(pids: number[], port: number): number | null {
  const inodes = listeningInodes(port);
  for (const pid of pids) {
    try {
      for (const fd of fs.readdirSync(`/proc/${pid}/fd`)) {
        const target = fs.readlinkSync(`/proc/${pid}/fd/${fd}`);
        const match = /^socket:\[(\d+)\]$/.exec(target);
        if (match && inodes.has(match[1] as string)) return pid;
      }
    } catch {
      // not ours to read, or gone
    }
  }
  return null;
}

async function waitForHealth(baseUrl: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with code ${child.exitCode} before it was healthy (see its output above)`);
    try {
      const response = await fetch(`${baseUrl}/api/health`);
      if (response.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`the server was not healthy within ${timeoutMs / 1000} s`);
}

export async function startServer(options: { port: number; env: Record<string, string>; log: (line: string) => void }): Promise<RunningServer> {
  const baseUrl = `http://127.0.0.1:${options.port}`;
  const started = performance.now();
  // Its own process group, so stopping it also stops `next start` and nothing else.
  const child = spawn(process.execPath, [path.resolve("node_modules/tsx/dist/cli.mjs"), "scripts/start.ts"], {
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      ...options.env,
      PORT: String(options.port),
      TOURNIQUET_ADMIN_EMAIL: BENCH_ADMIN.email,
      TOURNIQUET_ADMIN_PASSWORD: BENCH_ADMIN.password,
      TOURNIQUET_DEMO_DATA: "false",
      NEXT_TELEMETRY_DISABLED: "1",
    },
  });
  const forward = (stream: NodeJS.ReadableStream | null) =>
    stream?.on("data", (chunk: Buffer) => {
      for (const line of chunk.toString("utf8").split("\n")) if (line.trim()) options.log(`  [server] ${line}`);
    });
  forward(child.stdout);
  forward(child.stderr);

  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop = async () => {
    if (child.exitCode !== null || child.pid === undefined) return;
    try {
      process.kill(-child.pid, "SIGTERM");
    } catch {
      return;
    }
    const timer = setTimeout(() => {
      try {
        if (child.pid !== undefined) process.kill(-child.pid, "SIGKILL");
      } catch {
        // already gone
      }
    }, 10_000);
    await exited;
    clearTimeout(timer);
  };

  try {
    // The first start may build the console (about a minute on a busy machine).
    await waitForHealth(baseUrl, child, 600_000);
  } catch (error) {
    await stop();
    throw error;
  }
  const startMs = performance.now() - started;
  const pid = listenerAmong(child.pid === undefined ? [] : [child.pid, ...descendantsOf(child.pid)], options.port);
  if (pid === null) {
    await stop();
    throw new Error(`no process of the server listens on port ${options.port}`);
  }
  return { baseUrl, port: options.port, pid, startMs, stop };
}

/** Resident set size now, and its peak since the last reset, in MB. */
export function memoryOf(pid: number): { rssMb: number; peakMb: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? Number.NaN);
  return { rssMb: kb("VmRSS") / 1024, peakMb: kb("VmHWM") / 1024 };
}

/**
 * Resets the kernel's peak RSS (VmHWM) of the process to its current RSS (writing 5
 * to clear_refs, Linux 4.0+), so the next peak belongs to what runs next. Returns
 * false where that is not allowed; callers then rely on sampling.
 */
export function resetPeakMemory(pid: number): boolean {
  try {
    fs.writeFileSync(`/proc/${pid}/clear_refs`, "5");
    return true;
  } catch {
    return false;
  }
}

/** Samples RSS every few milliseconds until stopped; returns the highest seen, in MB. */
export function sampleMemory(pid: number, everyMs = 20): () => number {
  let highest = memoryOf(pid).rssMb;
  const timer = setInterval(() => {
    try {
      highest = Math.max(highest, memoryOf(pid).rssMb);
    } catch {
      // the process is gone; keep what we saw
    }
  }, everyMs);
  return () => {
    clearInterval(timer);
    try {
      highest = Math.max(highest, memoryOf(pid).rssMb);
    } catch {
      // gone
    }
    return highest;
  };
}
