// This server process's database: opened, migrated and prepared once, then shared.
// Kept on globalThis because Next.js loads instrumentation and routes as separate
// module graphs, and a second PGlite on one folder would lose data.
import type { Database, Db } from "@/db/client";
import { openDatabase } from "@/db/client";
import { env } from "@/lib/env";
import { installGracefulStop } from "@/lib/setup/graceful-stop";
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

/** Resolves once migrations and first-start work are done; every route awaits it. */
export async function getDb(): Promise<Db> {
  return (await getDatabase()).db;
}
