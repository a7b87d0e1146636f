// The inventory as a table. Sorting is a link per column header, so it works without
// JavaScript and lands in the URL.
import Link from "next/link";
import type { PublicAgent } from "@/lib/agents/public-agent";
import { formatAgo, formatUtc } from "@/lib/format-time";
import { ContainButton } from "@/components/containment/contain-button";
import { RiskBadge, StatusBadge } from "./agent-badges";

type Sort = "name" | "owner" | "team" | "environment" | "risk" | "status" | "lastSeenAt" | "liveTokens";

interface Props {
  agents: PublicAgent[];
  sort: string;
  order: "asc" | "desc";
  hrefFor: (changes: Record<string, string>) => string;
  canContain: boolean;
}

const columns: { key: Sort; label: string; className?: string }[] = [
  { key: "name", label: "Agent" },
  { key: "owner", label: "Owner" },
  { key: "team", label: "Team" },
  { key: "environment", label: "Env" },
  { key: "risk", label: "Risk" },
  { key: "status", label: "Status" },
  { key: "liveTokens", label: "Live tokens", className: "text-right" },
  { key: "lastSeenAt", label: "Last activity" },
];

export function InventoryTable({ agents, sort, order, hrefFor, canContain }: Props) {
  const now = Date.now();
  return (
    <div role="region" aria-label="Agents" tabIndex={0} className="overflow-x-auto rounded-lg border border-border bg-surface">
      <table className="w-full text-left text-sm">
        <thead className="border-b border-border text-xs uppercase tracking-wide text-muted">
          <tr>
            {columns.map((column) => {
              const active = sort === column.key;
              const nextOrder = active && order === "asc" ? "desc" : "asc";
              return (
                <th
                  key={column.key}
                  scope="col"
                  className={`px-4 py-2 font-medium ${column.className ?? ""}`}
                  aria-sort={active ? (order === "asc" ? "ascending" : "descending") : undefined}
                >
                  <Link href={hrefFor({ sort: column.key, order: nextOrder })} className="hover:text-fg">
                    {column.label}
                    {active ? <span aria-hidden>{order === "asc" ? " ↑" : " ↓"}</span> : null}
                  </Link>
                </th>
              );
            })}
            {canContain ? (
              <th scope="col" className="px-4 py-2">
                <span className="sr-only">Kill switch</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {agents.map((agent) => (
            <tr key={agent.id} className={`border-b border-border last:border-0 hover:bg-surface-2 ${agent.status === "suspended" ? "bg-danger-bg/40" : ""}`}>
              <td className="px-4 py-2">
                <Link href={`/agents/${agent.id}`} className="font-medium hover:underline">
                  {agent.name}
                </Link>
                <span className="block max-w-72 truncate text-xs text-muted">{agent.platform || agent.description}</span>
              </td>
              <td className="px-4 py-2 text-xs">{agent.owner}</td>
              <td className="px-4 py-2 text-xs">{agent.team || "—"}</td>
              <td className="px-4 py-2 font-mono text-xs">{agent.environment}</td>
              <td className="px-4 py-2">
                <RiskBadge risk={agent.risk} reasons={agent.riskReasons} />
              </td>
              <td className="px-4 py-2">
                <StatusBadge status={agent.status} />
              </td>
              <td className="px-4 py-2 text-right font-mono text-xs">{agent.liveTokens}</td>
              <td className="px-4 py-2 text-xs text-muted" title={formatUtc(agent.lastSeenAt)}>
                {formatAgo(agent.lastSeenAt, now)}
              </td>
              {canContain ? (
                <td className="px-4 py-2 text-right">
                  {agent.status !== "suspended" ? <ContainButton agent={agent} size="sm" /> : null}
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
