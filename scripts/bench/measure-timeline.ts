// The filtered timeline: GET /api/v1/actions for one agent and a kind or a
// sensitivity, its first page and a deep page (a cursor half-way through that
// agent's filtered history), with millions of actions stored. Baseline: the same
// SQL the route runs (select … where … order by occurred_at desc, id desc limit 101),
// executed directly on the database. Its EXPLAIN (ANALYZE, BUFFERS) is kept in the
// results, so a miss can be explained from the plan.
import type { DirectSql } from "./database";
import type { ApiCaller } from "./http";
import { type Figure, figure } from "./results";
import { summarize } from "./stats";

const LIMIT = 100; // the API's default page

export interface TimelineQuery {
  label: string;
  agentId: string;
  column: "kind" | "sensitivity";
  value: string;
  /** The row half-way through the filtered history, as a cursor position. */
  deep: { occurredAt: string; id: number };
  matching: number;
}

export interface DirectTimings {
  rows: number;
  /** "<query label>|first" or "|deep" → latencies in ms. */
  latencies: Record<string, number[]>;
  plans: Record<string, string>;
}

// The cursor condition as lib/actions/list-actions.ts writes it (an OR), and as a row
// comparison. PostgreSQL can turn only the second into an index range on
// (agent_id, occurred_at, id); with the OR it walks the index from the newest entry and
// filters, so a deep page costs in proportion to its depth. The bench times both, so
// the difference is measured, not argued.
const CURSOR = {
  or: " and (occurred_at < $3 or (occurred_at = $3 and id < $4))",
  row: " and (occurred_at, id) < ($3::timestamptz, $4::bigint)",
};
const pageSql = (query: TimelineQuery, deep: boolean, cursor: keyof typeof CURSOR = "or") =>
  `select * from actions where agent_id = $1 and ${query.column} = $2${deep ? CURSOR[cursor] : ""}
   order by occurred_at desc, id desc limit ${LIMIT + 1}`;
const pageParams = (query: TimelineQuery, deep: boolean) =>
  deep ? [query.agentId, query.value, query.deep.occurredAt, query.deep.id] : [query.agentId, query.value];

/** The queries measured at this size: one agent of the fill, filtered by a common kind and by a rare sensitivity. */
export async function timelineQueries(direct: DirectSql, agentId: string): Promise<TimelineQuery[]> {
  const specs = [
    { label: "agentId+kind=data_read", column: "kind" as const, value: "data_read" },
    { label: "agentId+sensitivity=restricted", column: "sensitivity" as const, value: "restricted" },
  ];
  const queries: TimelineQuery[] = [];
  for (const spec of specs) {
    const [count] = await direct.query<{ n: string | number }>(`select count(*) as n from actions where agent_id = $1 and ${spec.column} = $2`, [agentId, spec.value]);
    const matching = Number(count?.n ?? 0);
    const [row] = await direct.query<{ occurred_at: string | Date; id: string | number }>(
      `select occurred_at, id from actions where agent_id = $1 and ${spec.column} = $2 order by occurred_at desc, id desc offset $3 limit 1`,
      [agentId, spec.value, Math.floor(matching / 2)],
    );
    if (!row) throw new Error(`timeline: no rows for ${spec.label}`);
    queries.push({ ...spec, agentId, matching, deep: { occurredAt: new Date(row.occurred_at).toISOString(), id: Number(row.id) } });
  }
  return queries;
}

export async function timeDirect(direct: DirectSql, queries: TimelineQuery[], repeats: number): Promise<DirectTimings> {
  const [count] = await direct.query<{ n: string | number }>("select count(*) as n from actions");
  const timings: DirectTimings = { rows: Number(count?.n ?? 0), latencies: {}, plans: {} };
  for (const query of queries) {
    for (const deep of [false, true]) {
      const key = `${query.label}|${deep ? "deep" : "first"}`;
      const text = pageSql(query, deep);
      const params = pageParams(query, deep);
      for (let warm = 0; warm < 3; warm++) await direct.query(text, params);
      const latencies: number[] = [];
      for (let index = 0; index < repeats; index++) {
        const started = performance.now();
        const rows = await direct.query(text, params);
        latencies.push(performance.now() - started);
        if (rows.length === 0) throw new Error(`timeline baseline ${key}: no rows`);
      }
      timings.latencies[key] = latencies;
      const plan = await direct.query<Record<string, string>>(`explain (analyze, buffers) ${text}`, params);
      timings.plans[key] = plan.map((line) => Object.values(line)[0]).join("\n");
      if (deep) {
        // The same page with a row-comparison cursor: what the suggested change would give.
        const rowText = pageSql(query, true, "row");
        const rowLatencies: number[] = [];
        for (let index = 0; index < Math.min(repeats, 10); index++) {
          const started = performance.now();
          await direct.query(rowText, params);
          rowLatencies.push(performance.now() - started);
        }
        timings.latencies[`${key}|row`] = rowLatencies;
        const rowPlan = await direct.query<Record<string, string>>(`explain (analyze, buffers) ${rowText}`, params);
        timings.plans[`${key}|row`] = rowPlan.map((line) => Object.values(line)[0]).join("\n");
      }
    }
  }
  return timings;
}

/** The cursor the API gives out (lib/actions/list-actions.ts): base64url of "<ISO time>|<seq>". */
function cursorFor(position: { occurredAt: string; id: number }): string {
  return Buffer.from(`${position.occurredAt}|${position.id}`).toString("base64url");
}

interface Page {
  actions: { seq: number; occurredAt: string }[];
  nextCursor: string | null;
}

export async function timeApi(admin: ApiCaller, queries: TimelineQuery[], repeats: number): Promise<Record<string, number[]>> {
  const latencies: Record<string, number[]> = {};
  for (const query of queries) {
    const base = `/api/v1/actions?agentId=${query.agentId}&${query.column}=${query.value}`;
    // The bench builds deep cursors itself; make sure it still speaks the API's format.
    const first = await admin.get<Page>(`${base}&limit=2`);
    const last = first.actions[first.actions.length - 1];
    if (!last || !first.nextCursor || first.nextCursor !== cursorFor({ occurredAt: last.occurredAt, id: last.seq })) {
      throw new Error("timeline: the API's cursor format changed; update cursorFor in scripts/bench/measure-timeline.ts");
    }
    for (const deep of [false, true]) {
      const path = deep ? `${base}&cursor=${cursorFor(query.deep)}` : base;
      const key = `${query.label}|${deep ? "deep" : "first"}`;
      for (let warm = 0; warm < 3; warm++) await admin.get(path);
      const samples: number[] = [];
      for (let index = 0; index < repeats; index++) {
        const reply = await admin.client.request("GET", path, { headers: { authorization: admin.authorization } });
        if (reply.status !== 200) throw new Error(`timeline ${key}: HTTP ${reply.status}`);
        samples.push(reply.ms);
      }
      latencies[key] = samples;
    }
  }
  return latencies;
}

/** One figure per query and page: the route's p95 beside the direct query's p95. */
export function timelineFigures(sizeLabel: string, queries: TimelineQuery[], direct: DirectTimings, api: Record<string, number[]>, targeted: boolean): Figure[] {
  const figures: Figure[] = [];
  for (const query of queries) {
    for (const page of ["first", "deep"] as const) {
      const key = `${query.label}|${page}`;
      const route = summarize(api[key] ?? []);
      const sql = summarize(direct.latencies[key] ?? []);
      const executionTime = /Execution Time: ([\d.]+) ms/.exec(direct.plans[key] ?? "")?.[1];
      const rowCursor = direct.latencies[`${key}|row`];
      const alternative = rowCursor ? `; with a row-comparison cursor the same SQL takes p50 ${summarize(rowCursor).p50.toFixed(1)} ms` : "";
      figures.push(
        figure({
          id: `timeline.${sizeLabel}.${query.column}.${page}`,
          label: `timeline ${sizeLabel} ${query.label} ${page} page p95`,
          value: route.p95,
          unit: "ms",
          baseline: { label: "same SQL direct p95", value: sql.p95, unit: "ms" },
          target: page === "first" && targeted ? { text: "< 50 ms", pass: route.p95 < 50 } : undefined,
          notes: [`p50 ${route.p50.toFixed(1)} ms (direct ${sql.p50.toFixed(1)} ms); ${query.matching.toLocaleString("en-US")} matching rows; plan ${executionTime ?? "?"} ms${alternative}`],
          details: {
            route,
            direct: sql,
            rowsStored: direct.rows,
            matching: query.matching,
            plan: direct.plans[key],
            ...(rowCursor ? { rowComparisonCursor: { direct: summarize(rowCursor), plan: direct.plans[`${key}|row`] } } : {}),
          },
        }),
      );
    }
  }
  return figures;
}
