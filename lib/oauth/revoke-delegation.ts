// A person takes back what they let an agent do for them (an admin may for anyone):
// the delegation, its refresh tokens and its access tokens end in one transaction.
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { oauthDelegations } from "@/db/schema";
import { authorize, can } from "@/lib/auth/authorize";
import type { Caller } from "@/lib/auth/caller";
import { notFound } from "@/lib/errors";
import { isUuid } from "@/lib/http/is-uuid";
import { revokeDelegationFamily } from "./revoke-delegation-family";

export const revokeDelegationInput = z.strictObject({
  reason: z.string().trim().min(3, { message: "Say why (at least 3 characters)." }).max(500),
});

export async function revokeDelegation(db: Db, caller: Caller, delegationId: string, raw: unknown): Promise<{ tokensRevoked: number }> {
  authorize(caller, "console:read");
  const { reason } = revokeDelegationInput.parse(raw);
  if (!isUuid(delegationId)) throw notFound("The delegation");
  return db.transaction(async (tx) => {
    const [delegation] = await tx.select().from(oauthDelegations).where(eq(oauthDelegations.id, delegationId)).for("update");
    const mine = caller.type === "user" && delegation?.userId === caller.id;
    if (!delegation || !(mine || can(caller, "users:manage"))) throw notFound("The delegation");
    return revokeDelegationFamily(tx, caller, delegationId, reason);
  });
}
