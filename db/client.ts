// The one way to open the database: PGlite in a local folder by default, a real
// PostgreSQL server when a URL is given. Both are migrated before they are returned;
// nothing outside db/ knows which one is in use.
import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import { holdDataDirLock } from "./data-dir-lock";
import { DatabaseError } from "./errors";
import * as schema from "./schema";

export { DatabaseError };

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
/** A transaction handle: every lib/ verb that writes runs inside one. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
/** Either the database or a transaction: read helpers accept both. */
export type Queryable = Db | Tx;

/** Stops a subscription made with Database.listen. */
export type Unlisten = () => Promise<void>;

export interface Database {
  db: Db;
  /**
   * For the kill switch: on PostgreSQL a small pool of its own, so a containment never
   * queues behind ingest for a connection; on PGlite (one connection) the same as db.
   */
  urgent: Db;
  /**
   * Receives NOTIFY payloads on a channel: LISTEN on its own connection with
   * PostgreSQL (so every server process hears every notification), PGlite's
   * in-process notifications on the embedded database. `onListen` runs each time
   * the LISTEN is in place, again after its connection was lost and re-established
   * (notifications sent in between are gone: the caller reads what it missed).
   */
  listen(channel: string, onMessage: (payload: string) => void, onListen?: () => void): Promise<Unlisten>;
  close(): Promise<void>;
}

export type DatabaseConfig =
  | { url: string }
  | { dataDir: string }
  /** An in-memory PGlite loaded from a dump (tests start from a migrated template). */
  | { pglite: PGlite };


export const migrationsFolder = path.join(process.cwd(), "db", "migrations");
// Any constant works; it only has to be the same for every replica.
const MIGRATION_LOCK = 724_118_051;

/** postgres://user:***@host:port/db, for messages: never print a password. */
export function describeDatabaseUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "(unparseable URL)";
  }
}

function reasonOf(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { code?: string }).code;
    return code && !error.message.includes(code) ? `${error.message} (${code})` : error.message;
  }
  return String(error);
}

// While the server is down or unreachable, a query fails within a connect timeout
// rather than waiting, and reconnection is tried at least every second (postgres.js's
// default backoff grows to 10-20 s, which kept requests failing long after the
// database was back). The LISTEN connection uses the same settings.
const FAIL_FAST = {
  connect_timeout: 2,
  backoff: (retries: number) => Math.min(0.05 * 2 ** retries, 1) * (0.75 + Math.random() / 4),
} as const;

async function openPostgres(url: string): Promise<Database> {
  // Replicas may start together: one migrates while the others wait on the lock.
  const migrator = postgres(url, { max: 1, onnotice: () => {}, connect_timeout: 5 });
  try {
    await migrator`select pg_advisory_lock(${MIGRATION_LOCK})`;
    await migratePostgres(drizzlePostgres({ client: migrator }), { migrationsFolder });
    await migrator`select pg_advisory_unlock(${MIGRATION_LOCK})`;
  } catch (error) {
    throw new DatabaseError(`DATABASE_URL ${describeDatabaseUrl(url)}: ${reasonOf(error)}`);
  } finally {
    await migrator.end({ timeout: 5 });
  }
  const client = postgres(url, { max: 10, onnotice: () => {}, ...FAIL_FAST });
  const urgentClient = postgres(url, { max: 2, onnotice: () => {}, ...FAIL_FAST });
  const db: Db = drizzlePostgres({ client, schema });
  return {
    db,
    urgent: drizzlePostgres({ client: urgentClient, schema }),
    async listen(channel, onMessage, onListen) {
      const { unlisten } = await client.listen(channel, onMessage, onListen);
      return unlisten;
    },
    close: async () => {
      await Promise.all([client.end({ timeout: 5 }), urgentClient.end({ timeout: 5 })]);
    },
  };
}

/**
 * A streaming replica, for reads that tolerate a little lag: not migrated (it follows
 * the primary), no LISTEN (notifications are the primary's), same fail-fast settings.
 */
export function openReplica(url: string): { db: Db; close: () => Promise<void> } {
  const client = postgres(url, { max: 10, onnotice: () => {}, ...FAIL_FAST, connection: { default_transaction_read_only: true } });
  return { db: drizzlePostgres({ client, schema }), close: () => client.end({ timeout: 5 }) };
}

async function openPglite(dataDir: string): Promise<Database> {
  const folder = path.join(dataDir, "pglite");
  try {
    fs.mkdirSync(folder, { recursive: true });
  } catch (error) {
    throw new DatabaseError(`TOURNIQUET_DATA_DIR ${dataDir} is not writable: ${reasonOf(error)}`);
  }
  // PGlite has no locking between processes; two on one folder lose data silently.
  const releaseLock = holdDataDirLock(folder);
  try {
    const client = await PGlite.create({ dataDir: folder });
    return await wrapPglite(client, async () => {
      await client.close();
      releaseLock();
    });
  } catch (error) {
    releaseLock();
    throw error instanceof DatabaseError
      ? error
      : new DatabaseError(`embedded database in ${folder}: ${reasonOf(error)}`);
  }
}

async function wrapPglite(client: PGlite, close: () => Promise<void>): Promise<Database> {
  const db: Db = drizzlePglite({ client, schema });
  await migratePglite(drizzlePglite({ client }), { migrationsFolder });
  return {
    db,
    urgent: db,
    async listen(channel, onMessage, onListen) {
      const unlisten = await client.listen(channel, onMessage);
      onListen?.();
      return unlisten;
    },
    close,
  };
}

export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  if ("url" in config) return openPostgres(config.url);
  if ("dataDir" in config) return openPglite(config.dataDir);
  return wrapPglite(config.pglite, () => config.pglite.close());
}
