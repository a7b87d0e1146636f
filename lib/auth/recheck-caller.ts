// Long-lived connections (the live stream) re-check their caller: a person disabled
// or demoted, or an API key revoked, loses the stream within one heartbeat.
import { eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { apiKeys } from "@/db/schema";
import { type Permission, can } from "./authorize";
import type { Caller } from "./caller";
import { loadUserCaller } from "./load-user-caller";

export async function stillPermitted(db: Queryable, caller: Caller, permission: Permission): Promise<boolean> {
  if (caller.type === "user") return can(await loadUserCaller(db, caller.id), permission);
  if (caller.type === "api_key") {
    const [key] = await db.select({ revokedAt: apiKeys.revokedAt, role: apiKeys.role }).from(apiKeys).where(eq(apiKeys.id, caller.id));
    return Boolean(key && !key.revokedAt && can({ ...caller, role: key.role }, permission));
  }
  return can(caller, permission);
}
