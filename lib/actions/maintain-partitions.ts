// Keeps the monthly partitions of `actions` ahead of time and, with
// TOURNIQUET_RETENTION_DAYS, drops whole partitions whose month ended before the
// retention window; never row by row. The partition function itself lives in the
// database (migration "partition-actions"), so migrations and servers share one
// definition. A partition that holds evidence pinned to an incident is kept.
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { rowsOf } from "@/db/rows-of";
import { recordAuditEntry } from "@/lib/audit/record-audit-entry";
import { systemCaller } from "@/lib/auth/caller";

/** Months kept ready ahead of now, so inserts never fall into the default partition. */
export const MONTHS_AHEAD = 3;
const PARTITION_NAME = /^actions_(\d{4})_(\d{2})$/;

const monthStart = (date: Date, offset = 0) => new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + offset, 1));
const isoDay = (date: Date) => date.toISOString().slice(0, 10);

export interface PartitionReport {
  created: string[];
  dropped: string[];
  /** Partitions past retention kept because an incident pins evidence in them. */
  kept: string[];
}

export async function listActionPartitions(db: Db): Promise<{ name: string; month: Date }[]> {
  const rows = rowsOf<{ name: string }>(
    await db.execute(sql`
      select c.relname as name from pg_inherits i join pg_class c on c.oid = i.inhrelid
      where i.inhparent = 'actions'::regclass order by c.relname`),
  );
  return rows.flatMap(({ name }) => {
    const match = PARTITION_NAME.exec(name);
    return match ? [{ name, month: new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1)) }] : [];
  });
}

export async function maintainActionPartitions(db: Db, options: { now?: Date; retentionDays?: number } = {}): Promise<PartitionReport> {
  const now = options.now ?? new Date();
  const report: PartitionReport = { created: [], dropped: [], kept: [] };

  // This month and the next few, and the months of any row that fell into the default
  // partition within a sane window (a late clock, a backfill).
  const months = new Set<string>();
  for (let offset = -1; offset <= MONTHS_AHEAD; offset++) months.add(isoDay(monthStart(now, offset)));
  const stray = rowsOf<{ month: string | Date }>(
    await db.execute(sql`
      select distinct date_trunc('month', occurred_at at time zone 'UTC')::date as month from actions_default
      where occurred_at > ${now.toISOString()}::timestamptz - interval '10 years' and occurred_at < ${now.toISOString()}::timestamptz + interval '1 year'`),
  );
  for (const { month } of stray) months.add(isoDay(new Date(month)));
  for (const month of [...months].sort()) {
    const [row] = rowsOf<{ created: boolean }>(await db.execute(sql`select tourniquet_ensure_action_partition(${month}::date) as created`));
    if (row?.created) report.created.push(`actions_${month.slice(0, 7).replace("-", "_")}`);
  }

  if (options.retentionDays) {
    const cutoff = new Date(now.getTime() - options.retentionDays * 86_400_000);
    for (const partition of await listActionPartitions(db)) {
      // The whole month must be older than the cutoff.
      if (monthStart(partition.month, 1) > cutoff) continue;
      await db.transaction(async (tx) => {
        const pinned = rowsOf<{ found: number }>(
          await tx.execute(sql`select 1 as found from incident_pins p join ${sql.identifier(partition.name)} a on a.id = p.action_id limit 1`),
        );
        if (pinned.length) {
          report.kept.push(partition.name);
          return;
        }
        const [count] = rowsOf<{ n: string | number }>(await tx.execute(sql`select count(*) as n from ${sql.identifier(partition.name)}`));
        await tx.execute(sql`drop table ${sql.identifier(partition.name)}`);
        await recordAuditEntry(tx, systemCaller("retention"), {
          action: "actions.partition_dropped",
          after: { partition: partition.name, actions: Number(count?.n ?? 0), retentionDays: options.retentionDays },
        });
        report.dropped.push(partition.name);
      });
    }
  }
  return report;
}
