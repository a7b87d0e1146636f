import { z } from "zod";
import { unknownAgentPolicies } from "@/lib/actions/vocabulary";
import { userRoles } from "@/lib/auth/roles";

export const keyName = z.string().trim().min(1, { message: "Give it a name." }).max(80, { message: "At most 80 characters." });

export const createApiKeyInput = z.strictObject({
  name: keyName,
  role: z.enum(userRoles, { message: "Role must be viewer, responder or admin." }).default("responder"),
});
export type CreateApiKeyInput = z.input<typeof createApiKeyInput>;

export const createResourceServerInput = z.strictObject({ name: keyName });
export type CreateResourceServerInput = z.infer<typeof createResourceServerInput>;

export const createIngestKeyInput = z.strictObject({
  name: keyName,
  unknownAgents: z
    .enum(unknownAgentPolicies, { message: "unknownAgents is reject or register." })
    .default("reject"),
  /** Bind the key to these agents (ids or names): actions for any other agent are refused. */
  agents: z.array(z.string().trim().min(1).max(80)).min(1, { message: "Name at least one agent, or leave agents out." }).max(200).optional(),
});
export type CreateIngestKeyInput = z.input<typeof createIngestKeyInput>;
