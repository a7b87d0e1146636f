// The delegations a person has granted (an admin sees everyone's): which agent may act
// for whom, with which scopes, since when, and whether it was revoked.
import { desc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { agents, oauthDelegations, users } from "@/db/schema";
import { authorize, can } from "@/lib/auth/authorize";
import type { Caller } from "@/lib/auth/caller";

export interface PublicDelegation {
  id: string;
  agentId: string;
  agentName: string;
  person: string;
  scopes: string[];
  resource: string | null;
  createdAt: string;
  revokedAt: string | null;
  revokeReason: string | null;
}

export async function listDelegations(db: Db, caller: Caller): Promise<PublicDelegation[]> {
  authorize(caller, "console:read");
  const everyone = can(caller, "users:manage");
  if (!everyone && caller.type !== "user") return [];
  const query = db
    .select({ delegation: oauthDelegations, agentName: agents.name, person: users.email })
    .from(oauthDelegations)
    .innerJoin(agents, eq(agents.id, oauthDelegations.agentId))
    .innerJoin(users, eq(users.id, oauthDelegations.userId));
  const rows = await (everyone || caller.type !== "user" ? query : query.where(eq(oauthDelegations.userId, caller.id)))
    .orderBy(desc(oauthDelegations.createdAt))
    .limit(200);
  return rows.map(({ delegation, agentName, person }) => ({
    id: delegation.id,
    agentId: delegation.agentId,
    agentName,
    person,
    scopes: delegation.scopes,
    resource: delegation.resource,
    createdAt: delegation.createdAt.toISOString(),
    revokedAt: delegation.revokedAt?.toISOString() ?? null,
    revokeReason: delegation.revokeReason,
  }));
}
