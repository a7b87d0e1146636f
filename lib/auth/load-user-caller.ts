// Turns a session's user id into a caller, reading the row every time: a role
// change, a disabled account or ended sessions take effect on the next request, not at
// token expiry.
import { eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { users } from "@/db/schema";
import { isUuid } from "@/lib/http/is-uuid";
import type { RequestOrigin, UserCaller } from "./caller";

export async function loadUserCaller(
  db: Queryable,
  userId: string | undefined | null,
  origin: RequestOrigin = {},
  /** The session version the token carries; a session from before the last bump is over. */
  sessionVersion?: number | null,
): Promise<UserCaller | null> {
  if (!userId || !isUuid(userId)) return null;
  const [user] = await db.select().from(users).where(eq(users.id, userId)).limit(1);
  if (!user || user.disabledAt) return null;
  if (sessionVersion !== undefined && sessionVersion !== user.sessionVersion) return null;
  return { type: "user", id: user.id, email: user.email, name: user.name, role: user.role, ...origin };
}
