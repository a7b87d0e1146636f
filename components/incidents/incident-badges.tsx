import { Badge, type BadgeTone } from "@/components/ui/badge";
import { type IncidentStatus, type Severity, severityDefinitions } from "@/lib/incidents/vocabulary";

const severityTone: Record<Severity, BadgeTone> = { SEV1: "danger", SEV2: "warn", SEV3: "info", SEV4: "neutral" };
const statusTone: Record<IncidentStatus, BadgeTone> = { investigating: "danger", contained: "warn", resolved: "ok", closed: "neutral" };

export const SeverityBadge = ({ severity }: { severity: Severity }) => (
  <span title={severityDefinitions[severity]}>
    <Badge tone={severityTone[severity]}>{severity}</Badge>
  </span>
);

export const IncidentStatusBadge = ({ status }: { status: IncidentStatus }) => <Badge tone={statusTone[status]}>{status}</Badge>;
