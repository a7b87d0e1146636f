// What was exposed, to whom, for how long. Within the incident's window:
// - resources the involved agents touched, by sensitivity;
// - permission changes the agents made, or people made on resources the agents had
//   touched (the agent's advice followed, as in the March 2026 case);
// - people who, according to ingested access events, read or wrote restricted or
//   confidential data, or any resource the agents touched, with counts and times.
// Denied accesses exposed nothing and are left out.
import { and, eq, gte, inArray, lt, or, type SQL, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { actions, incidentAgents, incidents } from "@/db/schema";
import { authorize } from "@/lib/auth/authorize";
import type { Caller } from "@/lib/auth/caller";
import { notFound } from "@/lib/errors";
import { isUuid } from "@/lib/http/is-uuid";
import { incidentWindow } from "./incident-window";

export interface TouchedResource {
  type: string;
  id: string;
  sensitivity: string | null;
  actions: number;
  kinds: string[];
  first: string;
  last: string;
}

export interface PermissionChange {
  seq: number;
  occurredAt: string;
  actor: string;
  made: "agent" | "person";
  target: string;
  summary: string | null;
}

export interface ExposedPerson {
  person: string;
  accesses: number;
  resources: string[];
  first: string;
  last: string;
  /** False when any of the person's accesses was recorded as not cleared (see PersonExposure). */
  cleared: boolean | null;
}

/**
 * One person's reads and writes of one data set: the blast radius's table rows.
 * `cleared` comes from the access events' `access.cleared` attribute, which the source
 * system sets when it knows whether the person held their own grant (true) or read
 * through someone else's widening (false); null when no event said.
 */
export interface PersonExposure {
  person: string;
  resourceType: string;
  resourceId: string;
  sensitivity: string | null;
  accesses: number;
  first: string;
  last: string;
  durationSeconds: number;
  cleared: boolean | null;
}

/** The table is for reading on a page; the CSV export has every row. */
export const exposureRowsOnPage = 2_000;

export interface BlastRadius {
  window: { from: string; to: string };
  touched: TouchedResource[];
  permissionChanges: PermissionChange[];
  people: ExposedPerson[];
  exposures: PersonExposure[];
  exposure: { people: number; notCleared: number; accesses: number; from: string | null; to: string | null; durationSeconds: number };
}

const iso = (value: unknown) => new Date(value as string).toISOString();

// Over a group of access events: a single event saying "not cleared" makes the group not
// cleared (one uncleared read is the exposure); null when no event said either way.
const clearedOfAll = sql<boolean | null>`bool_and(case ${actions.attributes}->>'access.cleared' when 'true' then true when 'false' then false end)`;

export async function blastRadius(db: Queryable, caller: Caller, incidentId: string, options: { allExposures?: boolean } = {}): Promise<BlastRadius> {
  authorize(caller, "console:read");
  if (!isUuid(incidentId)) throw notFound("The incident");
  const [incident] = await db.select().from(incidents).where(eq(incidents.id, incidentId));
  if (!incident) throw notFound("The incident");
  const { from, to } = incidentWindow(incident);
  const agentIds = (await db.select({ id: incidentAgents.agentId }).from(incidentAgents).where(eq(incidentAgents.incidentId, incidentId))).map(
    (row) => row.id,
  );
  const inWindow = and(gte(actions.occurredAt, from), lt(actions.occurredAt, to));
  const result: BlastRadius = {
    window: { from: from.toISOString(), to: to.toISOString() },
    touched: [],
    permissionChanges: [],
    people: [],
    exposures: [],
    exposure: { people: 0, notCleared: 0, accesses: 0, from: null, to: null, durationSeconds: 0 },
  };
  if (agentIds.length === 0) return result;

  const touched = await db
    .select({
      type: actions.targetType,
      id: actions.targetId,
      sensitivity: actions.sensitivity,
      count: sql<number>`count(*)`.mapWith(Number),
      kinds: sql<string[]>`array_agg(distinct ${actions.kind}::text)`,
      first: sql<string>`min(${actions.occurredAt})`,
      last: sql<string>`max(${actions.occurredAt})`,
    })
    .from(actions)
    .where(and(inArray(actions.agentId, agentIds), inWindow, sql`${actions.targetType} is not null`))
    .groupBy(actions.targetType, actions.targetId, actions.sensitivity)
    .orderBy(sql`${actions.sensitivity} desc nulls last`, sql`count(*) desc`);
  result.touched = touched.map((row) => ({
    type: row.type ?? "",
    id: row.id ?? "",
    sensitivity: row.sensitivity,
    actions: row.count,
    kinds: row.kinds,
    first: iso(row.first),
    last: iso(row.last),
  }));

  const touchedKeys = result.touched.map((resource) => `${resource.type}\u0001${resource.id}`);
  const onTouched = touchedKeys.length
    ? inArray(sql`${actions.targetType} || chr(1) || ${actions.targetId}`, touchedKeys)
    : sql`false`;

  const changes = await db
    .select()
    .from(actions)
    .where(and(eq(actions.kind, "permission_change"), inWindow, or(inArray(actions.agentId, agentIds), and(eq(actions.actorType, "human"), onTouched))))
    .orderBy(actions.occurredAt)
    .limit(500);
  result.permissionChanges = changes.map((change) => ({
    seq: change.id,
    occurredAt: change.occurredAt.toISOString(),
    actor: change.actorType === "human" ? (change.humanId ?? "unknown person") : (change.agentId ?? "unknown agent"),
    made: change.actorType === "human" ? "person" : "agent",
    target: `${change.targetType ?? "?"} ${change.targetId ?? ""}`.trim(),
    summary: change.summary,
  }));

  const exposedAccess = and(
    eq(actions.actorType, "human"),
    inWindow,
    inArray(actions.kind, ["data_read", "data_write"]),
    eq(actions.outcome, "allowed"),
    or(inArray(actions.sensitivity, ["restricted", "confidential"]), onTouched),
  );
  const people = await db
    .select({
      person: actions.humanId,
      count: sql<number>`count(*)`.mapWith(Number),
      resources: sql<string[]>`array_agg(distinct ${actions.targetId})`,
      first: sql<string>`min(${actions.occurredAt})`,
      last: sql<string>`max(${actions.occurredAt})`,
      cleared: clearedOfAll,
    })
    .from(actions)
    .where(exposedAccess)
    .groupBy(actions.humanId)
    .orderBy(sql`count(*) desc`);
  result.exposures = await personExposures(db, exposedAccess, options.allExposures ? null : exposureRowsOnPage);
  result.people = people.map((row) => ({ person: row.person ?? "unknown", accesses: row.count, resources: row.resources.filter(Boolean), first: iso(row.first), last: iso(row.last), cleared: row.cleared }));
  if (result.people.length) {
    const first = result.people.reduce((min, person) => (person.first < min ? person.first : min), result.people[0]?.first ?? "");
    const last = result.people.reduce((max, person) => (person.last > max ? person.last : max), "");
    result.exposure = {
      people: result.people.length,
      notCleared: result.people.filter((person) => person.cleared === false).length,
      accesses: result.people.reduce((sum, person) => sum + person.accesses, 0),
      from: first,
      to: last,
      durationSeconds: Math.round((new Date(last).getTime() - new Date(first).getTime()) / 1000),
    };
  }
  return result;
}

/** Per person and data set: the uncleared first, then the unknown, then the cleared. */
async function personExposures(db: Queryable, where: SQL | undefined, limit: number | null): Promise<PersonExposure[]> {
  const cleared = clearedOfAll;
  const query = db
    .select({
      person: actions.humanId,
      type: actions.targetType,
      id: actions.targetId,
      sensitivity: actions.sensitivity,
      count: sql<number>`count(*)`.mapWith(Number),
      first: sql<string>`min(${actions.occurredAt})`,
      last: sql<string>`max(${actions.occurredAt})`,
      cleared,
    })
    .from(actions)
    .where(where)
    .groupBy(actions.humanId, actions.targetType, actions.targetId, actions.sensitivity)
    .orderBy(sql`case when ${cleared} = false then 0 when ${cleared} is null then 1 else 2 end`, sql`${actions.sensitivity} desc nulls last`, sql`count(*) desc`, actions.humanId);
  const rows = limit === null ? await query : await query.limit(limit);
  return rows.map((row) => {
    const first = iso(row.first);
    const last = iso(row.last);
    return {
      person: row.person ?? "unknown",
      resourceType: row.type ?? "",
      resourceId: row.id ?? "",
      sensitivity: row.sensitivity,
      accesses: row.count,
      first,
      last,
      durationSeconds: Math.round((new Date(last).getTime() - new Date(first).getTime()) / 1000),
      cleared: row.cleared,
    };
  });
}
