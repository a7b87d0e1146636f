// Words of the action record, as plain values the browser can import too.
export const actionKinds = [
  "tool_call",
  "data_read",
  "data_write",
  "message_post",
  "permission_change",
  "model_call",
  "login",
  "other",
  // An agent handing work to an agent (GenAI invoke_agent, OpenInference AGENT); added last.
  "agent_invocation",
] as const;
export type ActionKind = (typeof actionKinds)[number];

export const sensitivities = ["public", "internal", "confidential", "restricted"] as const;
export type Sensitivity = (typeof sensitivities)[number];

export const outcomes = ["allowed", "denied", "error"] as const;
export type Outcome = (typeof outcomes)[number];

export const actorTypes = ["agent", "human"] as const;
export type ActorType = (typeof actorTypes)[number];

/** What an ingest key does with actions of an agent Tourniquet does not know. */
export const unknownAgentPolicies = ["reject", "register"] as const;
export type UnknownAgentPolicy = (typeof unknownAgentPolicies)[number];
