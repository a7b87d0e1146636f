import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "@/lib/env";
import { loadAuthSecret } from "./load-auth-secret";

const folders: string[] = [];
function tempDir() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tq-secret-"));
  folders.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of folders.splice(0)) {
    fs.chmodSync(dir, 0o700);
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

describe("loadAuthSecret", () => {
  it("uses AUTH_SECRET when given and writes nothing", () => {
    const dir = tempDir();
    const secret = "s".repeat(40);
    expect(loadAuthSecret(parseEnv({ AUTH_SECRET: secret, TOURNIQUET_DATA_DIR: dir }))).toBe(secret);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it("generates a secret once, readable only by its owner, and reuses it", () => {
    const env = parseEnv({ TOURNIQUET_DATA_DIR: tempDir() });
    const first = loadAuthSecret(env);
    expect(first.length).toBeGreaterThanOrEqual(43);
    expect(loadAuthSecret(env)).toBe(first);
    const file = path.join(env.dataDir, "secrets", "auth-secret");
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
  });

  it("fails with one line naming AUTH_SECRET when it cannot be generated", () => {
    if (process.getuid?.() === 0) {
      // root ignores permissions; a file where the folder should be fails the same way
      const dir = tempDir();
      fs.writeFileSync(path.join(dir, "secrets"), "not a folder");
      expect(() => loadAuthSecret(parseEnv({ TOURNIQUET_DATA_DIR: dir }))).toThrow(EnvError);
      expect(() => loadAuthSecret(parseEnv({ TOURNIQUET_DATA_DIR: dir }))).toThrow(/^AUTH_SECRET is unset/);
      return;
    }
    const dir = tempDir();
    fs.chmodSync(dir, 0o500);
    expect(() => loadAuthSecret(parseEnv({ TOURNIQUET_DATA_DIR: dir }))).toThrow(/^AUTH_SECRET is unset/);
  });
});
