import { eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { users } from "@/db/schema";

/** The version a new session is bound to; -1 (never matching) for an unknown person. */
export async function currentSessionVersion(db: Queryable, userId: string): Promise<number> {
  const [row] = await db.select({ sessionVersion: users.sessionVersion }).from(users).where(eq(users.id, userId)).limit(1);
  return row?.sessionVersion ?? -1;
}
