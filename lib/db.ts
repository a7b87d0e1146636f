// This server process's database: opened, migrated and prepared once, then shared.
// Kept on globalThis because Next.js loads instrumentation and routes as separate
// module graphs, and a second PGlite on one folder would lose data.
import type { Database, Db } from "@/db/client";
import { openDatabase, openReplica } from "@/db/client";
import { env } from "@/lib/env";
import { beforeDatabaseCloses, installGracefulStop } from "@/lib/setup/graceful-stop";
import { prepareInstallation } from "@/lib/setup/prepare-installation";

const holder = globalThis as typeof globalThis & { __tourniquetDatabase?: Promise<Database> };

async function open(): Promise<Database> {
  const config = env();
  const database = await openDatabase(
    config.DATABASE_URL ? { url: config.DATABASE_URL } : { dataDir: config.dataDir },
  );
  const { db } = database;
  installGracefulStop(database);

  const result = await prepareInstallation(db, {
    adminEmail: config.TOURNIQUET_ADMIN_EMAIL,
    adminPassword: config.TOURNIQUET_ADMIN_PASSWORD,
    demoData: config.TOURNIQUET_DEMO_DATA,
  });
  if (result.seededDemoData) console.log("Tourniquet: demo data loaded into the empty database.");
  if (result.firstAdmin?.generatedPassword) {
    // The one time this password exists in clear outside the person's hands.
    console.log(
      `\nTourniquet: first admin created\n  email:    ${result.firstAdmin.email}\n  password: ${result.firstAdmin.generatedPassword}\n  (shown once; change it in Settings)\n`,
    );
  } else if (result.firstAdmin) {
    console.log(`Tourniquet: first admin ${result.firstAdmin.email} created from TOURNIQUET_ADMIN_EMAIL.`);
  }
  return database;
}

/** The opened database with its notification channel (for the live hub). */
export function getDatabase(): Promise<Database> {
  holder.__tourniquetDatabase ??= open().catch((error: unknown) => {
    holder.__tourniquetDatabase = undefined;
    throw error;
  });
  return holder.__tourniquetDatabase;
}

const replicaHolder = globalThis as typeof globalThis & { __tourniquetReplica?: Promise<Db> };

/**
 * For reads that tolerate a little lag (the timeline, its histogram, reports, blast
 * radius): the streaming replica named by DATABASE_REPLICA_URL, else the primary.
 * Writes, containment, token checks and anything that must see its own writes use
 * getDb(): a replica's lag must never make a revoked token look live.
 */
export function getReadDb(): Promise<Db> {
  replicaHolder.__tourniquetReplica ??= (async () => {
    const primary = await getDb(); // migrated and prepared first, whichever is used
    const config = env();
    if (!config.DATABASE_URL || !config.DATABASE_REPLICA_URL) return primary;
    const replica = openReplica(config.DATABASE_REPLICA_URL);
    beforeDatabaseCloses(() => replica.close());
    return replica.db;
  })().catch((error: unknown) => {
    replicaHolder.__tourniquetReplica = undefined;
    throw error;
  });
  return replicaHolder.__tourniquetReplica;
}

/** Resolves once migrations and first-start work are done; every route awaits it. */
export async function getDb(): Promise<Db> {
  return (await getDatabase()).db;
}

/** The kill switch's own connections (see Database.urgent); migrated and prepared like getDb(). */
export async function getUrgentDb(): Promise<Db> {
  return (await getDatabase()).urgent;
}
