// A server process in miniature for graceful-stop.test.ts: opens the embedded database
// the way the server does (lib/db.ts, which installs the stop handlers), then keeps a
// request in flight that writes when it finishes. Usage: tsx graceful-stop.fixture.ts <data dir>
import { sql } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { countInFlight } from "./graceful-stop";

process.env.TOURNIQUET_DATA_DIR = process.argv[2];
process.env.TOURNIQUET_DEMO_DATA = "false";
process.env.DATABASE_URL = "";

const db = await getDb();
await db.execute(sql`create table if not exists stop_probe (note text not null)`);
await db.execute(sql`insert into stop_probe values ('before the stop')`);
void countInFlight(async () => {
  console.log("in flight");
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  await db.execute(sql`insert into stop_probe values ('in flight at the stop')`);
  console.log("request finished");
});
// Keep the process alive the way an HTTP server would.
setInterval(() => {}, 60_000);
