// The fields a person or an API caller may set on an agent, validated at the edge.
import { z } from "zod";
import { SCOPE_PATTERN, agentActsAs, agentEnvironments } from "./vocabulary";

export const scopeList = z
  .array(
    z
      .string()
      .trim()
      .min(1)
      .max(120)
      .regex(SCOPE_PATTERN, { message: "Scopes look like forum:post or warehouse:read:restricted." }),
    { message: "Scopes are a list of strings." },
  )
  .max(100, { message: "At most 100 scopes." })
  .transform((scopes) => [...new Set(scopes)]);

const text = (max: number) => z.string().trim().max(max, { message: `At most ${max} characters.` });

const fields = {
  name: text(80)
    .min(1, { message: "Give the agent a name." })
    .regex(/^[\p{L}\p{N}][\p{L}\p{N} ._-]*$/u, { message: "Names use letters, digits, spaces, dots, dashes and underscores." }),
  owner: text(254).min(1, { message: "Every agent needs an accountable owner." }),
  team: text(80),
  environment: z.enum(agentEnvironments, { message: "Environment is prod, staging or dev." }),
  platform: text(80),
  scopes: scopeList,
  actsAs: z.enum(agentActsAs, { message: "actsAs is self or on_behalf_of_users." }),
  description: text(2000),
  /** Lifetime of its tokens from the OAuth token endpoint (null: 15 minutes), capped by the admin's maximum. */
  accessTokenLifetimeSeconds: z
    .number({ message: "accessTokenLifetimeSeconds is a number of seconds." })
    .int()
    .min(60, { message: "Tokens live at least 60 seconds." })
    .max(86_400, { message: "Tokens live at most a day; the admin's maximum may be lower." })
    .nullable(),
  /** Ids other systems know the agent by, such as the gen_ai.agent.id its telemetry sends. */
  externalIds: z
    .array(z.string().trim().min(1).max(200), { message: "externalIds is a list of strings." })
    .max(20, { message: "At most 20 external ids." })
    .transform((ids) => [...new Set(ids)]),
};

export const registerAgentInput = z.strictObject({
  ...fields,
  team: fields.team.default(""),
  environment: fields.environment.default("prod"),
  platform: fields.platform.default(""),
  scopes: fields.scopes.default([]),
  actsAs: fields.actsAs.default("self"),
  description: fields.description.default(""),
  accessTokenLifetimeSeconds: fields.accessTokenLifetimeSeconds.default(null),
  externalIds: fields.externalIds.default([]),
});
export type RegisterAgentInput = z.infer<typeof registerAgentInput>;

// Suspension and restore belong to the kill switch; an edit may only retire an
// agent or bring a retired one back.
export const updateAgentInput = z.strictObject({
  ...z.object(fields).partial().shape,
  status: z.enum(["active", "retired"], { message: "Status is active or retired; use contain and restore for suspension." }).optional(),
});
export type UpdateAgentInput = z.infer<typeof updateAgentInput>;
