// Turns a session's user id into a caller, reading the row every time: a role
// change or a disabled account takes effect on the next request, not at token expiry.
import { eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { users } from "@/db/schema";
import { isUuid } from "@/lib/http/is-uuid";
import type { RequestOrigin, UserCaller } from "./caller";

export async function loadUserCaller(
  db: Queryable,
  userId: string | undefined | null,
  origin: RequestOrigin = {},
): Promise<UserCaller | null> {
  if (!userId || !isUuid(userId)) return null;
  const [user] = await db.select().from(users).where(eq(users.id, userId)).limit(1);
  if (!user || user.disabledAt) return null;
  return { type: "user", id: user.id, email: user.email, name: user.name, role: user.role, ...origin };
}
