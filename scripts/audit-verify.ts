// `npm run audit:verify`: walks the audit chain of the database that DATABASE_URL or
// TOURNIQUET_DATA_DIR names and reports the first broken link. Exit 0 when intact,
// 1 when broken, 2 when the database cannot be read. (The embedded database can only
// be read while no server holds it.)
import { openDatabase } from "@/db/client";
import { DatabaseError } from "@/db/errors";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import { EnvError, parseEnv } from "@/lib/env";

async function main(): Promise<number> {
  let database;
  try {
    const env = parseEnv(process.env);
    database = await openDatabase(env.DATABASE_URL ? { url: env.DATABASE_URL } : { dataDir: env.dataDir });
  } catch (error) {
    if (error instanceof EnvError || error instanceof DatabaseError) {
      console.error(`audit:verify cannot read the database: ${error.message}`);
      return 2;
    }
    throw error;
  }
  try {
    const report = await verifyAuditChain(database.db);
    if (report.ok) {
      console.log(`audit chain intact: ${report.checked} entries verified${report.unchained ? `, ${report.unchained} older entries before the chain began` : ""}`);
      return 0;
    }
    console.error(`audit chain BROKEN at entry ${report.firstBroken?.id}: ${report.firstBroken?.reason} (${report.checked} entries verified before it)`);
    return 1;
  } finally {
    await database.close();
  }
}

main().then((code) => process.exit(code));
