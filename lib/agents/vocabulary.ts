// Words of the agent inventory, as plain values the browser can import too.
// "unregistered": first seen in ingested actions, never registered by a person (a
// shadow agent, which is an incident in itself).
export const agentStatuses = ["active", "suspended", "retired", "unregistered"] as const;
export type AgentStatus = (typeof agentStatuses)[number];

export const agentEnvironments = ["prod", "staging", "dev"] as const;
export type AgentEnvironment = (typeof agentEnvironments)[number];

/** Whether an agent acts with its own identity or on behalf of the users who invoke it. */
export const agentActsAs = ["self", "on_behalf_of_users"] as const;
export type AgentActsAs = (typeof agentActsAs)[number];

export const riskLevels = ["low", "medium", "high"] as const;
export type RiskLevel = (typeof riskLevels)[number];

/** Scopes look like `forum:post` or `warehouse:read:restricted`; `*` marks a wildcard. */
export const SCOPE_PATTERN = /^[a-z0-9][a-z0-9_.-]*(:[a-z0-9_.*-]+)*$|^\*$/;
