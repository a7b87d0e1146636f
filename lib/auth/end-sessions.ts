// Ends every session a person holds: the session version in their tokens no longer
// matches (lib/auth/load-user-caller.ts), and their open live streams on every replica
// close when the change commits (lib/live/live-stream.ts listens for it).
import { eq, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { users } from "@/db/schema";
import { publishChange } from "@/lib/live/publish-change";

export async function endSessions(tx: Tx, userId: string): Promise<number> {
  const [row] = await tx
    .update(users)
    .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
    .where(eq(users.id, userId))
    .returning({ sessionVersion: users.sessionVersion });
  await publishChange(tx, "sessions", userId);
  return row?.sessionVersion ?? 0;
}
