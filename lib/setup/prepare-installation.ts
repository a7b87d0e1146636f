// First-start work, once per database: demo data on an empty database, then the
// first admin. Holds a transaction-scoped lock so replicas starting together do it once.
import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { settings } from "@/db/schema";
import { seedDemoData } from "@/lib/demo/seed-demo-data";
import { type FirstAdmin, createFirstAdmin } from "@/lib/users/create-first-admin";

const SETUP_LOCK = 724_118_050;
const INITIALIZED = "installation.initialized_at";

export interface InstallationOptions {
  adminEmail?: string;
  adminPassword?: string;
  demoData: boolean;
}

export interface InstallationResult {
  firstAdmin: FirstAdmin | null;
  seededDemoData: boolean;
}

export async function prepareInstallation(db: Db, options: InstallationOptions): Promise<InstallationResult> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${SETUP_LOCK})`);
    const [initialized] = await tx.select().from(settings).where(eq(settings.key, INITIALIZED)).limit(1);
    let seededDemoData = false;
    if (!initialized) {
      if (options.demoData) {
        await seedDemoData(tx);
        seededDemoData = true;
      }
      await tx.insert(settings).values({ key: INITIALIZED, value: new Date().toISOString() });
    }
    const firstAdmin = await createFirstAdmin(tx, { email: options.adminEmail, password: options.adminPassword });
    return { firstAdmin, seededDemoData };
  });
}
