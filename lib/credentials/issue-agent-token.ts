// Tourniquet issues an agent a token with a subset of its scopes and an expiry. The
// token is returned once and stored only as a hash. A suspended or retired agent gets
// none: the agent row is locked, so a kill switch running at the same moment wins.
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { agents } from "@/db/schema";
import { scopeList } from "@/lib/agents/agent-fields";
import { authorize } from "@/lib/auth/authorize";
import type { Caller } from "@/lib/auth/caller";
import { conflict, invalidInput, notFound } from "@/lib/errors";
import { isUuid } from "@/lib/http/is-uuid";
import { scopeCovers } from "./scope-covers";
import { type IssuedToken, mintAgentToken } from "./mint-agent-token";

export const DEFAULT_TOKEN_LIFETIME_SECONDS = 60 * 60;
export const MAX_TOKEN_LIFETIME_SECONDS = 90 * 24 * 60 * 60;

export const issueTokenInput = z.strictObject({
  scopes: scopeList.optional(),
  expiresInSeconds: z
    .number({ message: "expiresInSeconds is a number of seconds." })
    .int({ message: "expiresInSeconds is a whole number of seconds." })
    .min(60, { message: "Tokens live at least 60 seconds." })
    .max(MAX_TOKEN_LIFETIME_SECONDS, { message: "Tokens live at most 90 days." })
    .default(DEFAULT_TOKEN_LIFETIME_SECONDS),
});
export type IssueTokenInput = z.input<typeof issueTokenInput>;

export type { IssuedToken };

export async function issueAgentToken(db: Db, caller: Caller, agentId: string, input: IssueTokenInput): Promise<IssuedToken> {
  authorize(caller, "agents:act");
  const { scopes: requested, expiresInSeconds } = issueTokenInput.parse(input);
  if (!isUuid(agentId)) throw notFound("The agent");

  return db.transaction(async (tx) => {
    const [agent] = await tx.select().from(agents).where(eq(agents.id, agentId)).for("share");
    if (!agent) throw notFound("The agent");
    if (agent.status !== "active") {
      throw conflict(`${agent.name} is ${agent.status}; no token can be issued to it.`);
    }
    const scopes = requested ?? agent.scopes;
    const outside = scopes.filter((scope) => !agent.scopes.some((granted) => scopeCovers(granted, scope)));
    if (outside.length) {
      throw invalidInput(`Tokens may only carry the agent's own scopes; ${outside.join(", ")} is not one of them.`, [
        { path: "scopes", message: `Not a scope of ${agent.name}: ${outside.join(", ")}` },
      ]);
    }
    return mintAgentToken(tx, caller, agentId, scopes, expiresInSeconds);
  });
}
