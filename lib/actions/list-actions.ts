// The timeline: newest first, one page at a time with a keyset cursor (occurred at,
// then id), so the millionth page costs what the first does and every single-filter
// view walks an index instead of sorting the table.
import { and, desc, inArray, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Queryable } from "@/db/client";
import { actions, agents } from "@/db/schema";
import { authorize } from "@/lib/auth/authorize";
import type { Caller } from "@/lib/auth/caller";
import { invalidInput } from "@/lib/errors";
import { actionConditions, actionFilter } from "./action-filter";
import { type PublicAction, toPublicAction } from "./public-action";

export const actionListQuery = actionFilter.extend({
  cursor: z.string().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type ActionListQuery = z.input<typeof actionListQuery>;

export interface ActionPage {
  actions: PublicAction[];
  nextCursor: string | null;
}

function encodeCursor(action: { occurredAt: Date; id: number }): string {
  return Buffer.from(`${action.occurredAt.toISOString()}|${action.id}`).toString("base64url");
}

function decodeCursor(cursor: string): { occurredAt: Date; id: number } {
  const [iso, id] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  const occurredAt = new Date(iso ?? "");
  const seq = Number(id);
  const year = occurredAt.getUTCFullYear();
  if (Number.isNaN(occurredAt.getTime()) || year < 1 || year > 9999 || !Number.isSafeInteger(seq)) {
    throw invalidInput("cursor is not one this API gave out.");
  }
  return { occurredAt, id: seq };
}

export async function listActions(db: Queryable, caller: Caller, query: ActionListQuery = {}): Promise<ActionPage> {
  authorize(caller, "console:read");
  const parsed = actionListQuery.safeParse(query);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw invalidInput(`${issue?.path.join(".") ?? "query"}: ${issue?.message ?? "invalid"}`);
  }
  const { cursor, limit, ...filter } = parsed.data;
  const conditions: (SQL | undefined)[] = [actionConditions(filter)];
  if (cursor) {
    const after = decodeCursor(cursor);
    // A row comparison, not (a < x or (a = x and b < y)): PostgreSQL reads it as an
    // index range, so a deep page costs what the first one does.
    conditions.push(sql`(${actions.occurredAt}, ${actions.id}) < (${after.occurredAt.toISOString()}::timestamptz, ${after.id})`);
  }
  const rows = await db
    .select()
    .from(actions)
    .where(and(...conditions))
    .orderBy(desc(actions.occurredAt), desc(actions.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  return {
    actions: await withAgentNames(db, page),
    nextCursor: rows.length > limit && page.length ? encodeCursor(page[page.length - 1] as (typeof page)[number]) : null,
  };
}

/** Public shapes with each agent's name, looked up once per page. */
export async function withAgentNames(db: Queryable, rows: (typeof actions.$inferSelect)[]): Promise<PublicAction[]> {
  const ids = [...new Set(rows.map((row) => row.agentId).filter((id): id is string => id !== null))];
  const names = ids.length
    ? new Map((await db.select({ id: agents.id, name: agents.name }).from(agents).where(inArray(agents.id, ids))).map((agent) => [agent.id, agent.name]))
    : new Map<string, string>();
  return rows.map((row) => toPublicAction(row, row.agentId ? (names.get(row.agentId) ?? null) : null));
}
