// Bulk containment: every agent of an owner or a team, or (admins, break-glass)
// every agent there is. Each agent is contained in its own transaction, so one
// problem never leaves the rest running.
import { type SQL, and, eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { agents } from "@/db/schema";
import { authorize } from "@/lib/auth/authorize";
import type { Caller } from "@/lib/auth/caller";
import { invalidInput } from "@/lib/errors";
import { BREAK_GLASS_PHRASE } from "./break-glass";
import { type ContainResult, containAgent } from "./contain-agent";

export { BREAK_GLASS_PHRASE };

export const containManyInput = z
  .strictObject({
    reason: z.string().trim().min(3, { message: "Say why (at least 3 characters)." }).max(1000),
    incidentId: z.uuid().optional(),
    owner: z.string().trim().min(1).max(254).optional(),
    team: z.string().trim().min(1).max(80).optional(),
    agentIds: z.array(z.uuid()).max(1000).optional(),
    all: z.literal(true).optional(),
    confirm: z.string().optional(),
  })
  .refine((input) => [input.owner, input.team, input.agentIds, input.all].filter((value) => value !== undefined).length === 1, {
    message: "Choose exactly one of owner, team, agentIds or all.",
  });
export type ContainManyInput = z.infer<typeof containManyInput>;

export async function containAgents(
  db: Db,
  caller: Caller,
  input: ContainManyInput,
): Promise<{ contained: number; alreadyContained: number; results: (ContainResult & { agentId: string; name: string })[] }> {
  authorize(caller, input.all ? "agents:restore" : "agents:act"); // break-glass is for admins
  if (input.all && input.confirm !== BREAK_GLASS_PHRASE) {
    throw invalidInput(`To contain every agent, type "${BREAK_GLASS_PHRASE}" as confirm.`, [{ path: "confirm", message: `Type ${BREAK_GLASS_PHRASE}` }]);
  }
  const scope: SQL | undefined = input.owner
    ? eq(sql`lower(${agents.owner})`, input.owner.toLowerCase())
    : input.team
      ? eq(agents.team, input.team)
      : input.agentIds
        ? inArray(agents.id, input.agentIds.length ? input.agentIds : ["00000000-0000-0000-0000-000000000000"])
        : undefined;
  const targets = await db
    .select({ id: agents.id, name: agents.name })
    .from(agents)
    .where(and(scope, inArray(agents.status, ["active", "unregistered", "suspended"])))
    .orderBy(agents.name);

  const results = [];
  for (const target of targets) {
    const result = await containAgent(db, caller, target.id, { reason: input.reason, incidentId: input.incidentId });
    results.push({ ...result, agentId: target.id, name: target.name });
  }
  return {
    contained: results.filter((result) => !result.alreadyContained).length,
    alreadyContained: results.filter((result) => result.alreadyContained).length,
    results,
  };
}
