import { asc } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { users } from "@/db/schema";
import { authorize } from "@/lib/auth/authorize";
import type { Caller } from "@/lib/auth/caller";
import { type PublicUser, toPublicUser } from "./public-user";

export async function listUsers(db: Queryable, caller: Caller): Promise<PublicUser[]> {
  authorize(caller, "users:manage");
  const rows = await db.select().from(users).orderBy(asc(users.email));
  return rows.map(toPublicUser);
}
