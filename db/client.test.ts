import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, inject, it } from "vitest";
import { DatabaseError, describeDatabaseUrl, openDatabase } from "./client";
import { isUniqueViolation } from "./errors";

describe("describeDatabaseUrl", () => {
  it("never shows the password", () => {
    expect(describeDatabaseUrl("postgres://app:s3cret@db.internal:5432/tq")).toBe("postgres://app:***@db.internal:5432/tq");
    expect(describeDatabaseUrl("postgres://db.internal/tq")).toBe("postgres://db.internal/tq");
  });
});

describe("isUniqueViolation", () => {
  it("finds the code on the error or its causes", () => {
    expect(isUniqueViolation({ code: "23505" })).toBe(true);
    expect(isUniqueViolation(new Error("wrapped", { cause: { code: "23505" } }))).toBe(true);
    expect(isUniqueViolation(new Error("other", { cause: { code: "23503" } }))).toBe(false);
  });
});

describe.runIf(inject("dbKind") === "pglite")("the embedded database folder", () => {
  it("is migrated on open, kept across restarts, and held by one opener at a time", async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "tq-client-"));
    try {
      const first = await openDatabase({ dataDir });
      await expect(openDatabase({ dataDir })).rejects.toThrow(DatabaseError);
      await first.db.execute("insert into settings (key, value) values ('probe', '1'::jsonb)");
      await first.close();

      const again = await openDatabase({ dataDir });
      const rows = await again.db.execute("select value from settings where key = 'probe'");
      expect(JSON.stringify(rows)).toContain("1");
      await again.close();
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
