// Test fixtures for agents, created through the same verbs as production.
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { agents } from "@/db/schema";
import { registerAgentInput, type RegisterAgentInput } from "@/lib/agents/agent-fields";
import { registerAgent } from "@/lib/agents/register-agent";
import type { PublicAgent } from "@/lib/agents/public-agent";
import type { AgentStatus } from "@/lib/agents/vocabulary";
import { systemCaller } from "@/lib/auth/caller";

let counter = 0;

export async function createAgent(db: Db, fields: Partial<RegisterAgentInput> = {}): Promise<PublicAgent> {
  counter += 1;
  const input = registerAgentInput.parse({
    name: `test-agent-${counter}-${Date.now()}`,
    owner: "owner@example.test",
    scopes: ["forum:post", "tickets:read"],
    ...fields,
  });
  return registerAgent(db, systemCaller("test"), input);
}

/** Sets an agent's status directly, standing in for the kill switch in token tests. */
export async function setAgentStatus(db: Db, agentId: string, status: AgentStatus): Promise<void> {
  await db.update(agents).set({ status }).where(eq(agents.id, agentId));
}
