// Every agent's id and name, for pickers (rule scopes).
import { asc } from "drizzle-orm";
import type { Db } from "@/db/client";
import { agents } from "@/db/schema";
import { authorize } from "@/lib/auth/authorize";
import type { Caller } from "@/lib/auth/caller";

export async function listAgentNames(db: Db, caller: Caller): Promise<{ id: string; name: string }[]> {
  authorize(caller, "console:read");
  return db.select({ id: agents.id, name: agents.name }).from(agents).orderBy(asc(agents.name)).limit(5000);
}
