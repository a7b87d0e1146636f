import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { AgentStatus, RiskLevel } from "@/lib/agents/vocabulary";

const riskTone: Record<RiskLevel, BadgeTone> = { high: "danger", medium: "warn", low: "neutral" };
const statusTone: Record<AgentStatus, BadgeTone> = { active: "ok", suspended: "danger", retired: "neutral", unregistered: "warn" };

export function RiskBadge({ risk, reasons }: { risk: RiskLevel; reasons?: string[] }) {
  return (
    <span title={reasons?.join("\n")}>
      <Badge tone={riskTone[risk]}>{risk} risk</Badge>
    </span>
  );
}

/** Suspended agents are loud: a responder must see at a glance what is contained. */
export function StatusBadge({ status }: { status: AgentStatus }) {
  const label = status === "suspended" ? "suspended · contained" : status === "unregistered" ? "unregistered · shadow" : status;
  return <Badge tone={statusTone[status]}>{label}</Badge>;
}
