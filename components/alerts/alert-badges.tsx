import { Badge, type BadgeTone } from "@/components/ui/badge";

const severityTone: Record<string, BadgeTone> = { critical: "danger", high: "warn", medium: "info", low: "neutral" };
const statusTone: Record<string, BadgeTone> = { open: "danger", acknowledged: "warn", resolved: "ok", dismissed: "neutral" };

export const AlertSeverityBadge = ({ severity }: { severity: string }) => <Badge tone={severityTone[severity] ?? "neutral"}>{severity}</Badge>;
export const AlertStatusBadge = ({ status }: { status: string }) => <Badge tone={statusTone[status] ?? "neutral"}>{status}</Badge>;

/** What the circuit breaker did, in words. */
export function ResponseBadge({ response, state, incidentNumber }: { response: string; state: string; incidentNumber: number | null }) {
  if (response === "alert" || state === "none") return null;
  if (state === "pending") return <Badge tone="warn">{response === "contain" ? "containing…" : "declaring…"}</Badge>;
  if (state === "failed") return <Badge tone="danger">automatic {response} failed</Badge>;
  return (
    <Badge tone="danger">
      {response === "contain" ? "contained automatically" : "declared automatically"}
      {incidentNumber ? ` · INC-${incidentNumber}` : ""}
    </Badge>
  );
}
