import { sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";

/** Throws unless the database answers a query. */
export async function checkDatabase(db: Queryable): Promise<void> {
  await db.execute(sql`select 1`);
}
