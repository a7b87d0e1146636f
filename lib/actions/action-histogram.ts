// Actions over time for the chart above the timeline: about 60 buckets across the
// window, each split by outcome or by sensitivity.
import { and, count, gte, lt, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { actions } from "@/db/schema";
import { authorize } from "@/lib/auth/authorize";
import type { Caller } from "@/lib/auth/caller";
import { invalidInput } from "@/lib/errors";
import { type ActionFilter, actionConditions } from "./action-filter";

const EARLIEST_MS = Date.UTC(2000, 0, 1);
const LATEST_MS = Date.UTC(2200, 0, 1);

export interface HistogramBucket {
  start: string;
  counts: Record<string, number>;
}

export interface Histogram {
  from: string;
  to: string;
  bucketSeconds: number;
  stackBy: "outcome" | "sensitivity";
  buckets: HistogramBucket[];
}

const NICE_SECONDS = [1, 5, 10, 30, 60, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400, 604800];
const DEFAULT_WINDOW_MS = 24 * 3600 * 1000;

export async function actionHistogram(
  db: Queryable,
  caller: Caller,
  filter: ActionFilter,
  stackBy: "outcome" | "sensitivity" = "outcome",
): Promise<Histogram> {
  authorize(caller, "console:read");
  // Actions hold no times before 2000 or after 2200: a window is clamped to that, so the
  // database is never handed a date it cannot parse (year 1 minus a day is year -1).
  const requestedTo = filter.to ?? new Date();
  if (requestedTo.getTime() <= EARLIEST_MS) throw invalidInput("to must be after 2000-01-01: no action is older.");
  const to = new Date(Math.min(requestedTo.getTime(), LATEST_MS));
  const from = new Date(Math.max(filter.from?.getTime() ?? to.getTime() - DEFAULT_WINDOW_MS, EARLIEST_MS));
  if (from.getTime() >= to.getTime()) throw invalidInput("from must be before to.");
  const span = Math.max(1, (to.getTime() - from.getTime()) / 1000);
  // Past a week per bucket, buckets grow with the window so there are never more than 60.
  const bucketSeconds = NICE_SECONDS.find((seconds) => span / seconds <= 60) ?? Math.ceil(span / 60);
  // Nice bucket sizes start on round times; odd ones (huge windows) start at `from`.
  const origin = NICE_SECONDS.includes(bucketSeconds)
    ? new Date(Math.floor(from.getTime() / (bucketSeconds * 1000)) * bucketSeconds * 1000)
    : from;

  // bucketSeconds comes from NICE_SECONDS, never from input, so it may be inlined.
  const bucket = sql<Date>`date_bin(${sql.raw(`'${bucketSeconds} seconds'`)}::interval, ${actions.occurredAt}, ${origin.toISOString()}::timestamptz)`;
  const group = stackBy === "outcome" ? actions.outcome : actions.sensitivity;
  const rows = await db
    .select({ bucket, group, count: count() })
    .from(actions)
    .where(and(actionConditions({ ...filter, from: undefined, to: undefined }), gte(actions.occurredAt, from), lt(actions.occurredAt, to)))
    // By position: the bucket expression carries a parameter, so repeating it would not match.
    .groupBy(sql`1`, sql`2`);

  const buckets = new Map<number, HistogramBucket>();
  for (let start = origin.getTime(); start < to.getTime(); start += bucketSeconds * 1000) {
    buckets.set(start, { start: new Date(start).toISOString(), counts: {} });
  }
  for (const row of rows) {
    const start = new Date(row.bucket).getTime();
    const entry = buckets.get(start);
    if (entry) entry.counts[row.group ?? "none"] = (entry.counts[row.group ?? "none"] ?? 0) + row.count;
  }
  return { from: from.toISOString(), to: to.toISOString(), bucketSeconds, stackBy, buckets: [...buckets.values()] };
}
