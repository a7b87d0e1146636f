// A fresh, migrated database for one test file: an in-memory PGlite copied from the
// template, or a new PostgreSQL database created from the template database.
import fs from "node:fs";
import { randomBytes } from "node:crypto";
import { PGlite } from "@electric-sql/pglite";
import postgres from "postgres";
import { inject } from "vitest";
import { type Database, openDatabase } from "../client";

export interface TestDatabase extends Database {
  kind: "pglite" | "postgres";
  /** The connection URL when the kind is postgres (for tests that start processes). */
  url?: string;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  if (inject("dbKind") === "postgres") {
    const serverUrl = process.env.TEST_DATABASE_URL;
    if (!serverUrl) throw new Error("TEST_DATABASE_URL is not set");
    const template = inject("postgresTemplate");
    const name = `${template.replace("template", "t")}_${randomBytes(4).toString("hex")}`;
    const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name} template ${template}`);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    const database = await openDatabase({ url: url.toString() });
    return {
      kind: "postgres",
      url: url.toString(),
      db: database.db,
      urgent: database.urgent,
      listen: database.listen,
      close: async () => {
        await database.close();
        await admin.unsafe(`drop database if exists ${name} with (force)`);
        await admin.end();
      },
    };
  }
  const dump = new Blob([fs.readFileSync(inject("pgliteTemplate"))]);
  const client = await PGlite.create({ loadDataDir: dump });
  const database = await openDatabase({ pglite: client });
  return { kind: "pglite", ...database };
}
