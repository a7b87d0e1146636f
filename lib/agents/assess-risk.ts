// An agent's risk, derived from what it may do. High: it can change permissions,
// read restricted data, administer a system, or holds a wildcard. Medium: it can
// change state or post, reads confidential data, or acts with its users' access.
import type { AgentActsAs, RiskLevel } from "./vocabulary";

interface Finding {
  level: Exclude<RiskLevel, "low">;
  reason: string;
}

function assessScope(scope: string): Finding | null {
  const parts = scope.split(":");
  if (scope === "*" || parts.at(-1) === "*") return { level: "high", reason: `over-broad scope ${scope}` };
  if (parts.some((part) => /^(iam|permissions?|acl|roles?|access)$/.test(part)) && parts.some((part) => /^(write|admin|grant|manage|\*)$/.test(part))) {
    return { level: "high", reason: `can change permissions (${scope})` };
  }
  if (parts.includes("restricted")) return { level: "high", reason: `can read restricted data (${scope})` };
  if (parts.at(-1) === "admin") return { level: "high", reason: `administers a system (${scope})` };
  if (parts.includes("confidential")) return { level: "medium", reason: `can read confidential data (${scope})` };
  if (parts.some((part) => /^(write|post|delete|send|publish|deploy|execute|merge)$/.test(part))) {
    return { level: "medium", reason: `can change state or post (${scope})` };
  }
  return null;
}

export function assessRisk(scopes: readonly string[], actsAs: AgentActsAs): { risk: RiskLevel; reasons: string[] } {
  const findings = scopes.map(assessScope).filter((finding): finding is Finding => finding !== null);
  if (actsAs === "on_behalf_of_users") {
    findings.push({ level: "medium", reason: "acts on behalf of users and inherits their access" });
  }
  const high = findings.filter((finding) => finding.level === "high");
  if (high.length) return { risk: "high", reasons: high.map((finding) => finding.reason) };
  if (findings.length) return { risk: "medium", reasons: findings.map((finding) => finding.reason) };
  return { risk: "low", reasons: [scopes.length ? "read-only scopes" : "no scopes declared"] };
}
