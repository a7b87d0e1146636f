// One action as senders describe it (DESIGN.md, "an action"). Validated item by item,
// so one bad action is rejected with its reason and the rest of the batch still lands.
import { z } from "zod";
import { actionKinds, actorTypes, outcomes, sensitivities } from "./vocabulary";

const ATTRIBUTES_LIMIT = 16 * 1024;
const ATTRIBUTES_DEPTH = 16;
// Before this, a timestamp is a sender's bug (and PostgreSQL refuses years before 4713 BC).
const EARLIEST = Date.UTC(2000, 0, 1);

/**
 * How deep a value nests, walked with an explicit stack (never recursion, so 20,000
 * levels cost a loop, not the call stack), stopping once past the limit.
 */
function depthOf(value: unknown): number {
  let deepest = 0;
  const pending: [unknown, number][] = [[value, 0]];
  while (pending.length) {
    const [item, depth] = pending.pop() as [unknown, number];
    if (item === null || typeof item !== "object") continue;
    if (depth + 1 > deepest) deepest = depth + 1;
    if (deepest > ATTRIBUTES_DEPTH) return deepest;
    for (const child of Object.values(item)) pending.push([child, depth + 1]);
  }
  return deepest;
}
// Clocks drift; an action claimed to happen later than this is a sender's bug.
const FUTURE_TOLERANCE_MS = 5 * 60 * 1000;

const shortText = (max: number) => z.string().trim().min(1).max(max);

export const actionInput = z
  .strictObject({
    id: shortText(200),
    agent: shortText(200).optional(),
    actor: z.strictObject({ type: z.enum(actorTypes), id: shortText(254) }).optional(),
    occurredAt: z.iso
      .datetime({ offset: true, message: "occurredAt is an ISO 8601 date and time with a zone." })
      .transform((value) => new Date(value))
      .refine((date) => date.getTime() <= Date.now() + FUTURE_TOLERANCE_MS, { message: "occurredAt is in the future." })
      .refine((date) => date.getTime() >= EARLIEST, { message: "occurredAt is before the year 2000." }),
    kind: z.enum(actionKinds, { message: `kind is one of ${actionKinds.join(", ")}.` }),
    tool: shortText(200).optional(),
    target: z
      .strictObject({
        type: shortText(100),
        id: shortText(500),
        uri: shortText(2000).optional(),
        sensitivity: z.enum(sensitivities, { message: `sensitivity is one of ${sensitivities.join(", ")}.` }),
      })
      .optional(),
    onBehalfOf: shortText(254).optional(),
    credential: shortText(200).optional(),
    /** The approval (POST /api/v1/approvals) this action carries out. */
    approvalId: z.uuid({ message: "approvalId is an approval id." }).optional(),
    outcome: z.enum(outcomes, { message: `outcome is one of ${outcomes.join(", ")}.` }),
    summary: z.string().trim().max(2000).optional(),
    attributes: z
      .record(z.string().max(200), z.unknown())
      .optional()
      .refine((value) => value === undefined || depthOf(value) <= ATTRIBUTES_DEPTH, { message: `attributes nest at most ${ATTRIBUTES_DEPTH} levels deep.` })
      .refine((value) => value === undefined || JSON.stringify(value).length <= ATTRIBUTES_LIMIT, {
        message: `attributes are at most ${ATTRIBUTES_LIMIT} bytes of JSON.`,
      }),
    traceId: z.string().regex(/^[0-9a-f]{32}$/i, { message: "traceId is 32 hex characters." }).optional(),
    spanId: z.string().regex(/^[0-9a-f]{16}$/i, { message: "spanId is 16 hex characters." }).optional(),
    parentSpanId: z.string().regex(/^[0-9a-f]{16}$/i, { message: "parentSpanId is 16 hex characters." }).optional(),
  })
  .superRefine((action, ctx) => {
    const isHuman = action.actor?.type === "human";
    if (!isHuman && !action.agent && !action.actor) {
      ctx.addIssue({ code: "custom", path: ["agent"], message: "Name the agent (its id or name), or give a human actor." });
    }
    if (action.actor?.type === "agent" && action.agent && action.actor.id !== action.agent) {
      ctx.addIssue({ code: "custom", path: ["actor", "id"], message: "actor.id and agent name different agents." });
    }
  });

export type ActionInput = z.output<typeof actionInput>;

/** Which agent an action names, if any: `agent`, or `actor.id` for an agent actor. */
export function agentReference(action: ActionInput): string | null {
  if (action.actor?.type === "human") return action.agent ?? null;
  return action.agent ?? action.actor?.id ?? null;
}
