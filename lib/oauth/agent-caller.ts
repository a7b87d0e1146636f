// At the token endpoint the agent itself is the caller, authenticated by its OAuth
// client; audit entries name the agent and carry the client's row id as its credential.
import type { AgentCaller } from "@/lib/auth/caller";
import type { AuthenticatedClient } from "./authenticate-client";

export function agentCallerOf({ client, agent }: AuthenticatedClient): AgentCaller {
  return { type: "agent", id: agent.id, name: agent.name, tokenId: client.id, scopes: agent.scopes };
}
