// The database a bench run owns, and a direct SQL handle on it for what is not a
// product feature: filling millions of rows server-side and the baselines that run
// the same SQL without the app in between.
//
// PostgreSQL: a fresh database `tourniquet_bench_<pid>` on the server DATABASE_URL
// names, dropped at the end; an existing database is never reused or touched.
// PGlite: a temporary data folder. PGlite has no locking between processes, so the
// bench writes into that folder only before the server starts (and after it stops);
// while the server runs, direct work uses a separate PGlite instance in its own folder.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import postgres from "postgres";
import { describeDatabaseUrl, openDatabase } from "@/db/client";
import { holdDataDirLock } from "@/db/data-dir-lock";

/** Raw SQL on either engine: the same statements run on both. */
export interface DirectSql {
  kind: "postgres" | "pglite";
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

export interface BenchDatabase {
  kind: "postgres" | "pglite";
  /** Environment for the server: DATABASE_URL, or an empty one plus TOURNIQUET_DATA_DIR. */
  serverEnv: Record<string, string>;
  /** Human-readable: which database, where. */
  description: string;
  /** PostgreSQL only: the bench database's URL, for direct SQL while the server runs. */
  url?: string;
  /** The server's data folder (secrets; on PGlite also the database). */
  dataDir: string;
  /** Opens the database directly. On PGlite only while the server is not running. */
  openDirect(connections?: number): Promise<DirectSql>;
  /** Drops the bench database / removes the folder. */
  destroy(): Promise<void>;
}

function postgresDirect(url: string, connections: number): DirectSql {
  const sql = postgres(url, { max: connections, onnotice: () => {}, connect_timeout: 10 });
  return {
    kind: "postgres",
    async query<T>(text: string, params: unknown[] = []) {
      return (await sql.unsafe(text, params as never[])) as unknown as T[];
    },
    close: () => sql.end({ timeout: 5 }),
  };
}

/** A PGlite instance in `folder`, migrated with the app's migrations, behind the app's folder lock. */
export async function openPgliteDirect(folder: string): Promise<DirectSql> {
  fs.mkdirSync(folder, { recursive: true });
  const release = holdDataDirLock(folder);
  const client = await PGlite.create({ dataDir: folder });
  // openDatabase migrates the instance; its close() closes the PGlite instance.
  const database = await openDatabase({ pglite: client });
  return {
    kind: "pglite",
    async query<T>(text: string, params: unknown[] = []) {
      return (await client.query<T>(text, params)).rows;
    },
    async close() {
      await database.close();
      release();
    },
  };
}

export async function createBenchDatabase(databaseUrl: string | undefined): Promise<BenchDatabase> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "tq-bench-"));
  if (!databaseUrl) {
    const folder = path.join(dataDir, "pglite"); // where db/client.ts puts it
    return {
      kind: "pglite",
      serverEnv: { DATABASE_URL: "", TOURNIQUET_DATA_DIR: dataDir },
      description: `PGlite in ${folder}`,
      dataDir,
      openDirect: () => openPgliteDirect(folder),
      async destroy() {
        fs.rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }

  const name = `tourniquet_bench_${process.pid}`;
  const admin = postgres(databaseUrl, { max: 1, onnotice: () => {}, connect_timeout: 10 });
  try {
    const [existing] = await admin`select 1 from pg_database where datname = ${name}`;
    // A leftover from an earlier run with the same pid (containers reuse pids) is ours.
    if (existing) await admin.unsafe(`drop database "${name}" with (force)`);
    await admin.unsafe(`create database "${name}"`);
  } finally {
    await admin.end({ timeout: 5 });
  }
  const url = new URL(databaseUrl);
  url.pathname = `/${name}`;
  const benchUrl = url.toString();
  // Migrate now, the way the server would, so fills can run before it starts.
  const migrated = await openDatabase({ url: benchUrl });
  await migrated.close();
  return {
    kind: "postgres",
    serverEnv: { DATABASE_URL: benchUrl, TOURNIQUET_DATA_DIR: dataDir },
    description: `PostgreSQL database ${describeDatabaseUrl(benchUrl)} (created for this run, dropped at the end)`,
    url: benchUrl,
    dataDir,
    openDirect: async (connections = 4) => postgresDirect(benchUrl, connections),
    async destroy() {
      const cleanup = postgres(databaseUrl, { max: 1, onnotice: () => {}, connect_timeout: 10 });
      try {
        await cleanup.unsafe(`drop database if exists "${name}" with (force)`);
      } finally {
        await cleanup.end({ timeout: 5 });
        fs.rmSync(dataDir, { recursive: true, force: true });
      }
    },
  };
}

/** Version string of the engine, for the results. */
export async function databaseVersion(direct: DirectSql): Promise<string> {
  const [row] = await direct.query<{ version: string }>("select version() as version");
  return row?.version ?? "unknown";
}
