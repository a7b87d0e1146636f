import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { ActionKind, Outcome, Sensitivity } from "@/lib/actions/vocabulary";

const sensitivityTone: Record<Sensitivity, BadgeTone> = { public: "neutral", internal: "neutral", confidential: "warn", restricted: "danger" };
const outcomeTone: Record<Outcome, BadgeTone> = { allowed: "ok", denied: "warn", error: "danger" };

export const kindLabel: Record<ActionKind, string> = {
  tool_call: "tool call",
  data_read: "data read",
  data_write: "data write",
  message_post: "message post",
  permission_change: "permission change",
  model_call: "model call",
  login: "login",
  other: "other",
  agent_invocation: "agent invocation",
};

export const SensitivityBadge = ({ sensitivity }: { sensitivity: Sensitivity }) => (
  <Badge tone={sensitivityTone[sensitivity]}>{sensitivity}</Badge>
);

export const OutcomeBadge = ({ outcome }: { outcome: Outcome }) => <Badge tone={outcomeTone[outcome]}>{outcome}</Badge>;

export const KindBadge = ({ kind }: { kind: ActionKind }) => (
  <Badge tone={kind === "permission_change" ? "info" : "neutral"}>{kindLabel[kind]}</Badge>
);
