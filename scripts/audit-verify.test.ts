// `npm run audit:verify` on a real embedded database: intact, then tampered.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { describe, expect, inject, it } from "vitest";
import { openDatabase } from "@/db/client";
import { createPerson } from "@/lib/testing/people";

const tsx = path.resolve("node_modules", "tsx", "dist", "cli.mjs");
const verify = (dataDir: string) =>
  spawnSync(process.execPath, [tsx, "scripts/audit-verify.ts"], {
    env: { NODE_ENV: "production", PATH: process.env.PATH ?? "", TOURNIQUET_DATA_DIR: dataDir, AUTH_SECRET: "x".repeat(40) },
    encoding: "utf8",
    timeout: 60_000,
  });

describe.runIf(inject("dbKind") === "pglite")("npm run audit:verify", () => {
  it("says the chain is intact, then names the first broken entry and exits 1", async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "tq-audit-"));
    try {
      const database = await openDatabase({ dataDir });
      for (let index = 0; index < 3; index++) await createPerson(database.db, "viewer");
      await database.close();

      const intact = verify(dataDir);
      expect(intact.status).toBe(0);
      expect(intact.stdout).toMatch(/audit chain intact: 3 entries verified/);

      const again = await openDatabase({ dataDir });
      await again.db.execute(sql.raw("alter table audit_entries disable trigger audit_entries_append_only"));
      await again.db.execute(sql.raw("update audit_entries set action = 'user.deleted' where id = 2"));
      await again.close();

      const broken = verify(dataDir);
      expect(broken.status).toBe(1);
      expect(broken.stderr).toMatch(/audit chain BROKEN at entry 2: its content does not match its hash/);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
