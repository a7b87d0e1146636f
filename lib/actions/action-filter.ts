// The timeline's filters, shared by the list, the histogram, the URL and the live
// stream (which applies them in the browser to decide what joins the open list).
import { type SQL, and, eq, gte, ilike, lt, or } from "drizzle-orm";
import { z } from "zod";
import { actions } from "@/db/schema";
import { escapeLike } from "@/lib/http/escape-like";
import { optionalText } from "@/lib/http/optional-text";
import { isUuid } from "@/lib/http/is-uuid";
import type { PublicAction } from "./public-action";
import { actionKinds, outcomes, sensitivities } from "./vocabulary";

const optionalDate = z
  .string()
  .optional()
  .transform((value, ctx) => {
    if (!value) return undefined;
    const date = new Date(value);
    // Outside years 1 to 9999 PostgreSQL cannot compare them with its timestamps.
    if (Number.isNaN(date.getTime()) || date.getUTCFullYear() < 1 || date.getUTCFullYear() > 9999) {
      ctx.addIssue({ code: "custom", message: "Dates are ISO 8601, between years 1 and 9999." });
      return z.NEVER;
    }
    return date;
  });

export const actionFilter = z.object({
  agentId: optionalText.refine((value) => value === undefined || isUuid(value), { message: "agentId is an agent id." }),
  kind: z.enum(actionKinds).optional(),
  sensitivity: z.enum(sensitivities).optional(),
  outcome: z.enum(outcomes).optional(),
  onBehalfOf: optionalText,
  q: optionalText,
  from: optionalDate,
  to: optionalDate,
});
export type ActionFilter = z.output<typeof actionFilter>;

export function actionConditions(filter: ActionFilter): SQL | undefined {
  const conditions: (SQL | undefined)[] = [
    filter.agentId ? eq(actions.agentId, filter.agentId) : undefined,
    filter.kind ? eq(actions.kind, filter.kind) : undefined,
    filter.sensitivity ? eq(actions.sensitivity, filter.sensitivity) : undefined,
    filter.outcome ? eq(actions.outcome, filter.outcome) : undefined,
    filter.onBehalfOf ? eq(actions.onBehalfOf, filter.onBehalfOf) : undefined,
    filter.from ? gte(actions.occurredAt, filter.from) : undefined,
    filter.to ? lt(actions.occurredAt, filter.to) : undefined,
  ];
  if (filter.q) {
    const pattern = `%${escapeLike(filter.q)}%`;
    conditions.push(
      or(ilike(actions.summary, pattern), ilike(actions.tool, pattern), ilike(actions.targetId, pattern), ilike(actions.targetUri, pattern)),
    );
  }
  return and(...conditions.filter((condition): condition is SQL => condition !== undefined));
}

/** The same filter in the browser, for actions arriving on the live stream. */
export function matchesFilter(action: PublicAction, filter: Partial<Record<keyof ActionFilter, string>>): boolean {
  if (filter.agentId && action.agent !== filter.agentId) return false;
  if (filter.kind && action.kind !== filter.kind) return false;
  if (filter.sensitivity && action.target?.sensitivity !== filter.sensitivity) return false;
  if (filter.outcome && action.outcome !== filter.outcome) return false;
  if (filter.onBehalfOf && action.onBehalfOf !== filter.onBehalfOf) return false;
  if (filter.from && action.occurredAt < new Date(filter.from).toISOString()) return false;
  if (filter.to && action.occurredAt >= new Date(filter.to).toISOString()) return false;
  if (filter.q) {
    const needle = filter.q.toLowerCase();
    const haystack = [action.summary, action.tool, action.target?.id, action.target?.uri].join(" ").toLowerCase();
    if (!haystack.includes(needle)) return false;
  }
  return true;
}
