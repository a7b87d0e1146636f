// The owners and teams present in the inventory, for the filter menus.
import { asc, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { agents } from "@/db/schema";
import { authorize } from "@/lib/auth/authorize";
import type { Caller } from "@/lib/auth/caller";

export async function listAgentFacets(db: Queryable, caller: Caller): Promise<{ owners: string[]; teams: string[] }> {
  authorize(caller, "console:read");
  const [owners, teams] = await Promise.all([
    db.selectDistinct({ value: agents.owner }).from(agents).orderBy(asc(agents.owner)).limit(500),
    db.selectDistinct({ value: agents.team }).from(agents).where(sql`${agents.team} <> ''`).orderBy(asc(agents.team)).limit(500),
  ]);
  return { owners: owners.map((row) => row.value), teams: teams.map((row) => row.value) };
}
