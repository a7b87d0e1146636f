import type { AuditEntry } from "@/db/schema";

function describe(entry: AuditEntry): string {
  const change = entry.after ?? entry.before;
  return change ? JSON.stringify(change) : "";
}

export function AuditTable({ entries }: { entries: AuditEntry[] }) {
  return (
    <div role="region" aria-label="Audit entries" tabIndex={0} className="overflow-x-auto rounded-lg border border-border bg-surface">
      <table className="w-full text-left text-sm">
        <thead className="border-b border-border text-xs uppercase tracking-wide text-muted">
          <tr>
            <th scope="col" className="px-4 py-2 font-medium">When (UTC)</th>
            <th scope="col" className="px-4 py-2 font-medium">Who</th>
            <th scope="col" className="px-4 py-2 font-medium">What</th>
            <th scope="col" className="px-4 py-2 font-medium">Target</th>
            <th scope="col" className="px-4 py-2 font-medium">Details</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.id} className="border-b border-border align-top last:border-0">
              <td className="whitespace-nowrap px-4 py-2 font-mono text-xs">
                {entry.occurredAt.toISOString().replace("T", " ").slice(0, 19)}
              </td>
              <td className="px-4 py-2">
                {entry.actorLabel}
                {entry.ip ? <span className="block text-xs text-muted">{entry.ip}</span> : null}
              </td>
              <td className="px-4 py-2 font-mono text-xs">{entry.action}</td>
              <td className="px-4 py-2 text-xs text-muted">
                {entry.targetType ? `${entry.targetType} ${entry.targetId?.slice(0, 8) ?? ""}` : "—"}
              </td>
              <td className="max-w-md truncate px-4 py-2 font-mono text-xs text-muted" title={describe(entry)}>
                {describe(entry)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
