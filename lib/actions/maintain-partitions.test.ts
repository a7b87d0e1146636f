// The actions table is partitioned by month on PGlite and PostgreSQL alike; partitions
// are kept ahead, stray rows move to their month, and retention drops whole partitions
// (never rows), keeping one that holds pinned incident evidence.
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rowsOf } from "@/db/rows-of";
import { createTestDatabase, type TestDatabase } from "@/db/testing/test-database";
import { actions, auditEntries, incidentPins } from "@/db/schema";
import { systemCaller } from "@/lib/auth/caller";
import { declareIncident } from "@/lib/incidents/declare-incident";
import { declareIncidentInput } from "@/lib/incidents/incident-fields";
import { createAgent } from "@/lib/testing/agents";
import { action, createIngestCaller } from "@/lib/testing/ingest";
import { ingestActions } from "./ingest-actions";
import { listActionPartitions, maintainActionPartitions } from "./maintain-partitions";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.close());

const partitionOf = async (externalId: string) => {
  const [row] = rowsOf<{ partition: string }>(await t.db.execute(sql`select tableoid::regclass::text as partition from actions where external_id = ${externalId}`));
  return row?.partition;
};
const monthsFromNow = (months: number) => {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + months, 15, 12));
};
const label = (date: Date) => `actions_${date.toISOString().slice(0, 7).replace("-", "_")}`;

describe("partitioned actions", () => {
  it("is a partitioned table with this month and the next ones ready", async () => {
    const [row] = rowsOf<{ n: string | number }>(await t.db.execute(sql`select count(*) as n from pg_partitioned_table where partrelid = 'actions'::regclass`));
    expect(Number(row?.n)).toBe(1);
    const names = (await listActionPartitions(t.db)).map((partition) => partition.name);
    for (const offset of [0, 1, 2, 3]) expect(names).toContain(label(monthsFromNow(offset)));
  });

  it("puts an action in its month, and moves a stray one out of the default partition when its month is made", async () => {
    const agent = await createAgent(t.db);
    const source = await createIngestCaller(t.db);
    const now = action(agent.name);
    const later = action(agent.name, { occurredAt: monthsFromNow(-20).toISOString() });
    await ingestActions(t.db, source, [now, later]);
    expect(await partitionOf(now.id as string)).toBe(label(new Date()));
    expect(await partitionOf(later.id as string)).toBe("actions_default");
    const report = await maintainActionPartitions(t.db);
    expect(report.created).toContain(label(monthsFromNow(-20)));
    expect(await partitionOf(later.id as string)).toBe(label(monthsFromNow(-20)));
    // Still one row, and retries of it are still duplicates.
    expect(await ingestActions(t.db, source, [later])).toMatchObject({ accepted: 0, duplicates: 1 });
  });

  it("drops whole partitions past retention, keeps one with pinned evidence, and audits each drop", async () => {
    const agent = await createAgent(t.db);
    const source = await createIngestCaller(t.db);
    const old = action(agent.name, { occurredAt: monthsFromNow(-10).toISOString() });
    const pinnedOld = action(agent.name, { occurredAt: monthsFromNow(-9).toISOString() });
    const recent = action(agent.name);
    await ingestActions(t.db, source, [old, pinnedOld, recent]);
    const [pinnedRow] = await t.db.select().from(actions).where(eq(actions.externalId, pinnedOld.id as string));
    const incident = await declareIncident(t.db, systemCaller("test"), declareIncidentInput.parse({ title: "retention test", severity: "SEV3" }));
    await t.db.insert(incidentPins).values({ incidentId: incident.id, actionId: pinnedRow!.id, pinnedBy: "test" });

    const report = await maintainActionPartitions(t.db, { retentionDays: 120 });
    expect(report.dropped).toContain(label(monthsFromNow(-10)));
    expect(report.kept).toContain(label(monthsFromNow(-9)));
    expect(report.dropped).not.toContain(label(new Date()));
    expect(await partitionOf(old.id as string)).toBeUndefined();
    expect(await partitionOf(pinnedOld.id as string)).toBe(label(monthsFromNow(-9)));
    expect(await partitionOf(recent.id as string)).toBe(label(new Date()));
    const entries = await t.db.select().from(auditEntries).where(eq(auditEntries.action, "actions.partition_dropped"));
    expect(entries.map((entry) => (entry.after as { partition: string }).partition)).toContain(label(monthsFromNow(-10)));
  });
});
