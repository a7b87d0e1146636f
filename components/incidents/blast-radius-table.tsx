"use client";
// Who read what during the incident, one row per person and data set, sortable by any
// column. The server sends the uncleared first; sorting here is in memory because the
// page holds at most a few thousand rows (the CSV export has all of them).
import { useMemo, useState } from "react";
import { SensitivityBadge } from "@/components/timeline/action-badges";
import { sensitivities, type Sensitivity } from "@/lib/actions/vocabulary";
import { formatUtc } from "@/lib/format-time";
import type { PersonExposure } from "@/lib/incidents/blast-radius";
import { formatDuration } from "@/lib/reports/format-duration";

type Column = "person" | "dataSet" | "sensitivity" | "accesses" | "first" | "last" | "durationSeconds" | "cleared";

const columns: { key: Column; label: string; numeric?: boolean }[] = [
  { key: "person", label: "Person" },
  { key: "dataSet", label: "Data set" },
  { key: "sensitivity", label: "Sensitivity" },
  { key: "accesses", label: "Accesses", numeric: true },
  { key: "first", label: "First access" },
  { key: "last", label: "Last access" },
  { key: "durationSeconds", label: "Duration", numeric: true },
  { key: "cleared", label: "Cleared" },
];

// Sorting by "cleared" puts the people who were not cleared first, then the unknown.
const clearedRank = (cleared: boolean | null) => (cleared === false ? 0 : cleared === null ? 1 : 2);
const sensitivityRank = (sensitivity: string | null) => sensitivities.indexOf(sensitivity as Sensitivity);

function compare(a: PersonExposure, b: PersonExposure, column: Column): number {
  switch (column) {
    case "person":
      return a.person.localeCompare(b.person);
    case "dataSet":
      return `${a.resourceType} ${a.resourceId}`.localeCompare(`${b.resourceType} ${b.resourceId}`);
    case "sensitivity":
      return sensitivityRank(a.sensitivity) - sensitivityRank(b.sensitivity);
    case "cleared":
      return clearedRank(a.cleared) - clearedRank(b.cleared);
    case "first":
    case "last":
      return a[column].localeCompare(b[column]);
    default:
      return a[column] - b[column];
  }
}

interface Props {
  incidentId: string;
  exposures: PersonExposure[];
  /** Rows the server left off the page (the CSV has them). */
  truncated: boolean;
}

export function BlastRadiusTable({ incidentId, exposures, truncated }: Props) {
  // null: the server's order (the uncleared, the most sensitive, the most accesses first).
  const [sort, setSort] = useState<{ column: Column; descending: boolean } | null>(null);
  const rows = useMemo(() => {
    if (!sort) return exposures;
    const sorted = [...exposures].sort((a, b) => compare(a, b, sort.column) || a.person.localeCompare(b.person));
    return sort.descending ? sorted.reverse() : sorted;
  }, [exposures, sort]);
  const uncleared = new Set(exposures.filter((row) => row.cleared === false).map((row) => row.person)).size;

  return (
    <div>
      <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
        <p className="text-sm text-muted">
          {exposures.length === 0
            ? "Nobody, according to ingested access events."
            : `${exposures.length} ${exposures.length === 1 ? "row" : "rows"}${truncated ? " shown (the CSV has every row)" : ""}; ${uncleared} ${uncleared === 1 ? "person" : "people"} not cleared.`}
        </p>
        <a
          href={`/api/v1/incidents/${incidentId}/blast-radius?format=csv`}
          download
          className="rounded border border-border px-2 py-1 text-sm hover:bg-surface-2"
        >
          Export CSV
        </a>
      </div>
      {exposures.length ? (
        <div role="region" aria-label="Who accessed" tabIndex={0} className="max-h-[32rem] overflow-auto rounded-md border border-border">
          <table className="w-full text-left text-sm" data-testid="blast-radius-table">
            <caption className="sr-only">People who accessed sensitive data or what the agents touched, per data set</caption>
            <thead className="sticky top-0 border-b border-border bg-surface text-xs uppercase tracking-wide text-muted">
              <tr>
                {columns.map((column) => {
                  const active = sort?.column === column.key;
                  return (
                    <th
                      key={column.key}
                      scope="col"
                      className={`whitespace-nowrap px-3 py-2 font-medium ${column.numeric ? "text-right" : ""}`}
                      aria-sort={active ? (sort.descending ? "descending" : "ascending") : undefined}
                    >
                      <button
                        type="button"
                        className="uppercase hover:text-fg"
                        onClick={() => setSort(active ? { column: column.key, descending: !sort.descending } : { column: column.key, descending: !!column.numeric })}
                      >
                        {column.label}
                        {active ? <span aria-hidden>{sort.descending ? " ↓" : " ↑"}</span> : null}
                      </button>
                    </th>
                  );
                })}
              </tr>
            </thead>
            <tbody className="[overflow-wrap:anywhere]">
              {rows.map((row) => (
                <tr key={`${row.person}\u0001${row.resourceType}\u0001${row.resourceId}\u0001${row.sensitivity}`} className="border-b border-border last:border-0">
                  <td className="px-3 py-1.5">{row.person}</td>
                  <td className="px-3 py-1.5">
                    <span className="text-muted">{row.resourceType}</span> <span className="font-mono text-xs">{row.resourceId}</span>
                  </td>
                  <td className="px-3 py-1.5">{row.sensitivity ? <SensitivityBadge sensitivity={row.sensitivity as Sensitivity} /> : <span className="text-muted">—</span>}</td>
                  <td className="px-3 py-1.5 text-right font-mono text-xs">{row.accesses}</td>
                  <td className="whitespace-nowrap px-3 py-1.5 font-mono text-xs">{formatUtc(row.first)}</td>
                  <td className="whitespace-nowrap px-3 py-1.5 font-mono text-xs">{formatUtc(row.last)}</td>
                  <td className="whitespace-nowrap px-3 py-1.5 text-right font-mono text-xs">{formatDuration(row.durationSeconds)}</td>
                  <td className="px-3 py-1.5">
                    {row.cleared === null ? <span className="text-muted">unknown</span> : row.cleared ? "yes" : <span className="font-medium text-danger">no</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </div>
  );
}
