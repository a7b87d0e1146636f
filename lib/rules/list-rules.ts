import type { Db } from "@/db/client";
import { authorize } from "@/lib/auth/authorize";
import type { Caller } from "@/lib/auth/caller";
import { loadRules } from "./load-rules";
import { type PublicRule, toPublicRule } from "./public-rule";

export async function listRules(db: Db, caller: Caller): Promise<PublicRule[]> {
  authorize(caller, "console:read");
  return (await loadRules(db)).map(toPublicRule);
}
