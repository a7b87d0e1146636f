// A normal stop (SIGTERM or SIGINT) lets the request in flight finish, closes the
// embedded database and leaves no lock file: the next start needs no recovery.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { describe, expect, inject, it } from "vitest";
import { openDatabase } from "@/db/client";

// Loaded with `node --import tsx`, not the tsx CLI: the CLI is a second process that
// relays a signal and SIGKILLs its child when the child has not acknowledged it within
// 30 ms, which a loaded machine misses; that would test tsx, not our stop.
const tsxLoader = "tsx";
const fixture = path.resolve("lib/setup/graceful-stop.fixture.ts");

async function stopWith(signal: "SIGTERM" | "SIGINT", times = 1) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "tq-stop-"));
  try {
    const child = spawn(process.execPath, ["--import", tsxLoader, fixture, dataDir], { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env } });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    const started = Date.now();
    while (!output.includes("in flight")) {
      if (Date.now() - started > 60_000) throw new Error(`the fixture did not start: ${output}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    for (let i = 0; i < times; i++) child.kill(signal);
    const code = await exited;
    expect(output).toContain("request finished");
    expect(code).toBe(signal === "SIGINT" ? 130 : 0);
    expect(fs.existsSync(path.join(dataDir, "pglite", "tourniquet.pid"))).toBe(false);

    const reopened = await openDatabase({ dataDir });
    try {
      const rows = (await reopened.db.execute(sql`select note from stop_probe order by note`)) as unknown as { rows?: { note: string }[] };
      expect((rows.rows ?? []).map((row) => row.note)).toEqual(["before the stop", "in flight at the stop"]);
    } finally {
      await reopened.close();
    }
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

describe.runIf(inject("dbKind") === "pglite")("a graceful stop", () => {
  it("on SIGTERM drains the request in flight, closes the embedded database and leaves no lock file", () => stopWith("SIGTERM"), 90_000);
  // Twice, as Ctrl-C under `npm start` delivers it (to the process group, and forwarded).
  it("does the same on SIGINT, sent twice", () => stopWith("SIGINT", 2), 90_000);
});
