// The start command refuses a broken environment with one line, before it builds
// or serves anything.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, inject, it } from "vitest";

const tsx = path.resolve("node_modules", "tsx", "dist", "cli.mjs");

function start(env: Record<string, string>) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "tq-start-"));
  const result = spawnSync(process.execPath, [tsx, "scripts/start.ts"], {
    env: { NODE_ENV: "production", PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", TOURNIQUET_DATA_DIR: dataDir, ...env },
    encoding: "utf8",
    timeout: 60_000,
  });
  fs.rmSync(dataDir, { recursive: true, force: true });
  return { status: result.status, stderr: result.stderr.trim(), stdout: result.stdout };
}

function expectOneLine(stderr: string, pattern: RegExp) {
  expect(stderr.split("\n")).toHaveLength(1);
  expect(stderr).toMatch(/^Tourniquet cannot start: /);
  expect(stderr).toMatch(pattern);
  expect(stderr).not.toMatch(/\n\s+at /);
}

describe.runIf(inject("dbKind") === "pglite")("npm start refuses a broken environment", () => {
  it("names DATABASE_URL when the server cannot be reached, without its password", () => {
    const { status, stderr } = start({ DATABASE_URL: "postgres://tq:hunter2-secret@127.0.0.1:1/nowhere" });
    expect(status).toBe(1);
    expectOneLine(stderr, /DATABASE_URL postgres:\/\/tq:\*\*\*@127\.0\.0\.1:1\/nowhere: .*ECONNREFUSED/);
    expect(stderr).not.toContain("hunter2-secret");
  });

  it("names DATABASE_URL when it is not a postgres URL", () => {
    const { status, stderr } = start({ DATABASE_URL: "mysql://localhost/db" });
    expect(status).toBe(1);
    expectOneLine(stderr, /DATABASE_URL must be a postgres/);
  });

  it("names AUTH_SECRET when it is missing and may not be generated, or too short", () => {
    const missing = start({ TOURNIQUET_GENERATE_SECRETS: "false" });
    expect(missing.status).toBe(1);
    expectOneLine(missing.stderr, /AUTH_SECRET is missing/);
    const short = start({ AUTH_SECRET: "too-short" });
    expect(short.status).toBe(1);
    expectOneLine(short.stderr, /AUTH_SECRET must be at least 32 characters/);
  });

  it("refuses an embedded database folder that another live process holds", () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "tq-held-"));
    fs.mkdirSync(path.join(dataDir, "pglite"), { recursive: true });
    fs.writeFileSync(path.join(dataDir, "pglite", "tourniquet.pid"), String(process.pid));
    const { status, stderr } = start({ TOURNIQUET_DATA_DIR: dataDir });
    fs.rmSync(dataDir, { recursive: true, force: true });
    expect(status).toBe(1);
    expectOneLine(stderr, new RegExp(`in use by process ${process.pid}`));
  });
});
