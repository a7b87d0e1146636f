// TanStack Query keys for agents, their tokens and credentials.
export const agentKeys = {
  all: ["agents"] as const,
  tokens: (agentId: string) => [...agentKeys.all, agentId, "tokens"] as const,
  credentials: (agentId: string) => [...agentKeys.all, agentId, "credentials"] as const,
  oauthClients: (agentId: string) => [...agentKeys.all, agentId, "oauth-clients"] as const,
};
