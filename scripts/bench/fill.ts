// Fills the actions table fast with server-side SQL (`insert … select from
// generate_series`): millions of rows without millions of round trips. Only the
// timeline and report measurements need this bulk; it goes through the real table
// with all its indexes, so what the API later reads looks like what ingest writes.
//
// The rows are synthetic but shaped like real traffic: kinds, sensitivities and
// outcomes follow skewed weights (restricted data is 5% of actions, denials 4%),
// 3% are people's access events, targets repeat (5,000 resources), and every row
// gets a trace and span id. Weights come from hashes of the row number, so they do
// not line up with the agent a row belongs to.
import type { DirectSql } from "./database";

export interface FillFixtures {
  ingestKeyId: string;
  /** Agents whose actions fill the timeline. */
  agentIds: string[];
  /** The one agent whose actions make the report's incident. */
  reportAgentId: string;
}

/**
 * Creates what fill rows reference: an ingest key nobody can use (its hash is of
 * no secret) and the agents. Direct inserts, because on PGlite this runs before the
 * server exists; no audit entries, since no person or rule did anything.
 */
export async function createFillFixtures(direct: DirectSql, agentCount: number): Promise<FillFixtures> {
  const [key] = await direct.query<{ id: string }>(
    "insert into ingest_keys (name, prefix, key_hash) values ('bench fill (not usable)', 'tq_ik_benchfil', md5(random()::text) || md5(random()::text)) returning id",
  );
  const names = Array.from({ length: agentCount }, (_, index) => `bench-fill-${String(index).padStart(3, "0")}`);
  const rows = await direct.query<{ id: string; name: string }>(
    `insert into agents (name, owner, team, scopes, description)
     select name, 'bench@example.com', 'bench', array['docs:read','warehouse:read'], 'Timeline fill for npm run bench'
     from unnest($1::text[]) as name returning id, name`,
    [names],
  );
  const [report] = await direct.query<{ id: string }>(
    "insert into agents (name, owner, team, scopes, description) values ('bench-report-agent', 'bench@example.com', 'bench', array['docs:read'], 'Report fill for npm run bench') returning id",
  );
  if (!key || !report) throw new Error("fill fixtures were not created");
  const byName = new Map(rows.map((row) => [row.name, row.id]));
  return { ingestKeyId: key.id, agentIds: names.map((name) => byName.get(name) as string), reportAgentId: report.id };
}

// One statement for both fills. Parameters:
// $1 ingest key, $2 external id prefix, $3 agent ids (row g belongs to agent g mod n),
// $4 newest occurred_at, $5 milliseconds between consecutive rows (older as g grows),
// $6/$7 first and last g, $8 whether 3% of rows are people's access events.
const FILL_SQL = `
insert into actions (ingest_key_id, external_id, actor_type, agent_id, human_id, occurred_at, kind, tool,
  target_type, target_id, sensitivity, on_behalf_of, outcome, summary, attributes, trace_id, span_id)
select $1::uuid,
  $2 || lpad(g::text, 10, '0'),
  (case when human then 'human' else 'agent' end)::actor_type,
  case when human then null else ($3::uuid[])[1 + (g % cardinality($3::uuid[]))] end,
  case when human then 'person' || (t % 300) || '@example.com' end,
  $4::timestamptz - (g * $5::double precision) * interval '1 millisecond',
  (case when k < 35 then 'tool_call' when k < 60 then 'data_read' when k < 80 then 'model_call'
        when k < 88 then 'data_write' when k < 93 then 'message_post' when k < 96 then 'login'
        when k < 98 then 'permission_change' else 'other' end)::action_kind,
  (array['docs.search','docs.read','forum.post_reply','warehouse.query','github.create_pr','slack.send','iam.grant','llm.chat'])[1 + k % 8],
  (array['document','thread','table','repository'])[1 + t % 4],
  'res-' || t,
  (case when s < 30 then 'public' when s < 75 then 'internal' when s < 95 then 'confidential' else 'restricted' end)::sensitivity,
  'user' || (t % 200) || '@example.com',
  (case when o < 94 then 'allowed' when o < 98 then 'denied' else 'error' end)::action_outcome,
  'Synthetic action ' || g || ' on res-' || t,
  '{"source":"npm run bench"}'::jsonb,
  md5($2 || g::text),
  left(md5(g::text || $2), 16)
from (
  select g,
    abs(hashint8(g)) % 100 as k,
    abs(hashint8(g + 1000000007)) % 100 as s,
    abs(hashint8(g + 2000000014)) % 100 as o,
    abs(hashint8(g + 3000000021)) % 5000 as t,
    $8::boolean and abs(hashint8(g + 4000000028)) % 100 < 3 as human
  from generate_series($6::bigint, $7::bigint) as g
) as numbered`;

export interface FillRange {
  prefix: string;
  agentIds: string[];
  newest: Date;
  stepMs: number;
  first: number;
  last: number;
  humans: boolean;
}

/**
 * Inserts rows first..last in chunks (one transaction each), so progress shows and
 * no single transaction holds millions of rows. Returns the rows written.
 */
export async function fillActions(
  direct: DirectSql,
  ingestKeyId: string,
  range: FillRange,
  chunk: number,
  onProgress?: (done: number, total: number) => void,
): Promise<number> {
  const total = range.last - range.first + 1;
  for (let start = range.first; start <= range.last; start += chunk) {
    const end = Math.min(range.last, start + chunk - 1);
    await direct.query(FILL_SQL, [
      ingestKeyId,
      range.prefix,
      `{${range.agentIds.join(",")}}`,
      range.newest.toISOString(),
      range.stepMs,
      start,
      end,
      range.humans,
    ]);
    onProgress?.(end - range.first + 1, total);
  }
  return total;
}

/** Fresh statistics and visibility map after a bulk load, as autovacuum would give them eventually. */
export async function analyzeActions(direct: DirectSql): Promise<void> {
  await direct.query(direct.kind === "postgres" ? "vacuum (analyze) actions" : "analyze actions");
}
