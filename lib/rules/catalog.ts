// The detection rules. Each has a stable key, defaults, a schema for the thresholds
// an admin may tune, and (except the rate rule, which looks at counts rather than one
// action) a pure `detect` that says whether one stored action matches and why.
// Plain values and functions only: the Settings page renders the same catalogue.
import { z } from "zod";
import { type ActionKind, type Sensitivity, actionKinds, sensitivities } from "@/lib/actions/vocabulary";
import type { AgentEnvironment, AgentStatus } from "@/lib/agents/vocabulary";
import type { AlertSeverity, RuleKey, RuleResponse } from "./vocabulary";

/** One stored action, as the rules see it. */
export interface ObservedAction {
  id: number;
  agentId: string | null;
  actorType: "agent" | "human";
  humanId: string | null;
  occurredAt: Date;
  kind: ActionKind;
  tool: string | null;
  targetType: string | null;
  targetId: string | null;
  sensitivity: Sensitivity | null;
  outcome: "allowed" | "denied" | "error";
  summary: string | null;
  attributes: Record<string, unknown> | null;
  approvalId: string | null;
  afterContainment: boolean;
  receivedAfterContainment?: boolean;
}

export interface AgentFacts {
  id: string;
  name: string;
  scopes: string[];
  environment: AgentEnvironment;
  status: AgentStatus;
}

export interface ApprovalFacts {
  id: string;
  agentId: string;
  kind: ActionKind;
  status: "pending" | "approved" | "denied";
  targetType: string | null;
  targetId: string | null;
  decidedAt: Date | null;
}

/** How long after the answer an approval covers the action it approved. */
export const APPROVAL_USE_WINDOW_MS = 60 * 60_000;
/** Senders' clocks drift: an action stamped slightly before the answer still counts. */
const CLOCK_SKEW_MS = 60_000;

export interface DetectionContext {
  agent: AgentFacts | null;
  approval: ApprovalFacts | null;
}

/** Why a rule matched, in words a responder reads in the alert. */
export interface Finding {
  reason: string;
  /** What the alert is about when there is no agent (a person changed a permission). */
  subject?: { key: string; label: string };
}

/** How the Settings page shows a threshold. */
export type ParamField =
  | { name: string; label: string; type: "number"; min: number; max: number; help?: string }
  | { name: string; label: string; type: "choices"; options: readonly string[]; help?: string }
  | { name: string; label: string; type: "choice"; options: readonly string[]; help?: string }
  | { name: string; label: string; type: "words"; help?: string };

export interface RuleDefinition<P extends Record<string, unknown> = Record<string, unknown>> {
  key: RuleKey;
  name: string;
  description: string;
  defaults: { enabled: boolean; severity: AlertSeverity; response: RuleResponse; params: P };
  params: z.ZodType<P>;
  fields: ParamField[];
  /** Only actions of agents (not people's access events) can match. */
  agentsOnly: boolean;
  detect?: (action: ObservedAction, context: DetectionContext, params: P) => Finding | null;
}

const rank = (level: Sensitivity) => sensitivities.indexOf(level);
const words = z.array(z.string().trim().min(1).max(100)).max(50);

/**
 * An agent is cleared for a level by a scope naming it or a higher level (such as
 * `warehouse:read:restricted`), or by the global wildcard `*`. A system wildcard such
 * as `forum:*` says nothing about which data it may see, so it clears nothing.
 */
export function clearedFor(scopes: readonly string[], level: Sensitivity): boolean {
  return scopes.some((scope) => {
    if (scope === "*") return true;
    const parts = scope.split(":");
    return parts.some((part) => (sensitivities as readonly string[]).includes(part) && rank(part as Sensitivity) >= rank(level));
  });
}

/**
 * Whether the approval the action names covers it: approved, for this agent and this
 * kind of action, for this target when the request named one, and used within an hour
 * of the answer. Anything else is as good as no approval.
 */
function approvedFor(action: ObservedAction, { approval }: DetectionContext): boolean {
  if (!approval || approval.status !== "approved" || !approval.decidedAt) return false;
  if (approval.agentId !== action.agentId || approval.kind !== action.kind) return false;
  if (approval.targetId !== null && (approval.targetType !== action.targetType || approval.targetId !== action.targetId)) return false;
  const at = action.occurredAt.getTime();
  const decided = approval.decidedAt.getTime();
  return at >= decided - CLOCK_SKEW_MS && at <= decided + APPROVAL_USE_WINDOW_MS;
}

const attribute = (action: ObservedAction, name: string): unknown => action.attributes?.[name];

const restrictedOutsideScope: RuleDefinition<{ sensitivities: Sensitivity[] }> = {
  key: "restricted-outside-scope",
  name: "Sensitive data outside the agent's scopes",
  description:
    "An agent read or changed confidential or restricted data that none of its declared scopes clears it for (a scope naming the level, such as warehouse:read:restricted, or the global wildcard *). Refused attempts do not count.",
  defaults: { enabled: true, severity: "high", response: "alert", params: { sensitivities: ["confidential", "restricted"] } },
  params: z.strictObject({ sensitivities: z.array(z.enum(sensitivities)).min(1) }),
  fields: [{ name: "sensitivities", label: "Sensitivity levels watched", type: "choices", options: ["internal", "confidential", "restricted"] }],
  agentsOnly: true,
  detect(action, { agent }, params) {
    if (!agent || !action.sensitivity || action.outcome === "denied") return null;
    if (!params.sensitivities.includes(action.sensitivity)) return null;
    if (clearedFor(agent.scopes, action.sensitivity)) return null;
    return {
      reason: `${action.kind} of ${action.sensitivity} ${action.targetType ?? "data"} ${action.targetId ?? ""}`.trim() +
        `; no scope of ${agent.name} clears ${action.sensitivity} data (scopes: ${agent.scopes.join(", ") || "none"})`,
    };
  },
};

const unapprovedPost: RuleDefinition<{ placeTypes: string[] }> = {
  key: "unapproved-post",
  name: "Post to a shared place without approval",
  description:
    "An agent posted a message to a shared or public place (a forum, a public channel, a mailing list, or any target marked audience shared/public) without an approved request in Tourniquet. This is the March 2026 case.",
  defaults: {
    enabled: true,
    severity: "high",
    response: "alert",
    params: { placeTypes: ["forum", "thread", "public_channel", "mailing_list", "wiki", "social", "public_page"] },
  },
  params: z.strictObject({ placeTypes: words }),
  fields: [{ name: "placeTypes", label: "Target types that are shared places", type: "words", help: "Comma-separated target types; a target with attributes.audience shared or public always counts." }],
  agentsOnly: true,
  detect(action, context, params) {
    if (action.kind !== "message_post" || action.outcome === "denied") return null;
    const audience = attribute(action, "audience");
    const shared =
      (action.targetType !== null && params.placeTypes.includes(action.targetType)) || audience === "shared" || audience === "public" || action.sensitivity === "public";
    if (!shared || approvedFor(action, context)) return null;
    const place = `${action.targetType ?? "place"} ${action.targetId ?? ""}`.trim();
    return {
      reason: action.approvalId
        ? `posted to ${place} with approval ${action.approvalId}, which does not cover it (another agent, kind or target, not approved, or used over an hour after the answer)`
        : `posted to ${place} without asking for approval`,
    };
  },
};

const wideningVerbs = /\b(add|added|grant|granted|share|shared|invite|invited|allow|allowed|publish|published)\b|_add|add_|grant_|share_/i;
// Verbs only: "restricted" or "denied" describe data as often as they describe a change.
const narrowingVerbs = /\b(remove|removed|revoke|revoked|delete|deleted|unshare|unshared)\b|_remove|remove_|revoke_|_revoke/i;

const permissionWidening: RuleDefinition<{ minSensitivity: Sensitivity; broadGrantees: string[] }> = {
  key: "permission-widening",
  name: "Permission change that widens access",
  description:
    "Someone (agent or person) changed a permission so that more people can see a resource of at least the given sensitivity: attributes permission.effect = widen, a larger permission.audience_after than permission.audience_before, a broad permission.grantee, or, without those, a granting tool or summary.",
  defaults: {
    enabled: true,
    severity: "high",
    response: "alert",
    params: { minSensitivity: "confidential", broadGrantees: ["all", "everyone", "anyone", "public", "all-engineering", "all-employees", "domain"] },
  },
  params: z.strictObject({ minSensitivity: z.enum(sensitivities), broadGrantees: words }),
  fields: [
    { name: "minSensitivity", label: "Lowest sensitivity watched", type: "choice", options: sensitivities },
    { name: "broadGrantees", label: "Grantees that mean everyone", type: "words" },
  ],
  agentsOnly: false,
  detect(action, context, params) {
    if (action.kind !== "permission_change" || action.outcome === "denied") return null;
    if (!action.sensitivity || rank(action.sensitivity) < rank(params.minSensitivity)) return null;
    const effect = attribute(action, "permission.effect");
    const before = Number(attribute(action, "permission.audience_before"));
    const after = Number(attribute(action, "permission.audience_after"));
    const grantee = attribute(action, "permission.grantee");
    const text = `${action.tool ?? ""} ${action.summary ?? ""}`;
    let why: string | null = null;
    if (effect === "narrow") return null;
    if (effect === "widen") why = "the change widens access";
    else if (Number.isFinite(before) && Number.isFinite(after) && after > before) why = `audience grows from ${before} to ${after}`;
    else if (typeof grantee === "string" && params.broadGrantees.some((broad) => grantee.toLowerCase().split(/[^a-z0-9-]+/).includes(broad.toLowerCase())))
      why = `granted to ${grantee}`;
    else if (effect === undefined && wideningVerbs.test(text) && !narrowingVerbs.test(text)) why = "a granting change";
    if (!why) return null;
    const target = `${action.targetType ?? "resource"} ${action.targetId ?? ""}`.trim();
    const who = context.agent?.name ?? action.humanId ?? "someone";
    const audience = Number.isFinite(after) ? ` (now ${after} people)` : "";
    return {
      reason: `${who} widened access to ${action.sensitivity} ${target}: ${why}${audience}`,
      subject: context.agent ? undefined : { key: `target:${action.targetType}:${action.targetId}`, label: target },
    };
  },
};

const rateSpike: RuleDefinition<{ windowMinutes: number; baselineMinutes: number; factor: number; minActions: number }> = {
  key: "rate-spike",
  name: "Action rate far above the agent's baseline",
  description:
    "An agent's actions in the last window are many times its own average for a window over the preceding baseline period, and above a floor so quiet agents do not page anyone.",
  defaults: { enabled: true, severity: "medium", response: "alert", params: { windowMinutes: 5, baselineMinutes: 60, factor: 10, minActions: 200 } },
  params: z
    .strictObject({
      windowMinutes: z.number().int().min(1).max(60),
      baselineMinutes: z.number().int().min(5).max(1440),
      factor: z.number().min(1.5).max(1000),
      minActions: z.number().int().min(1).max(1_000_000),
    })
    .refine((params) => params.baselineMinutes > params.windowMinutes, { message: "The baseline period is longer than the window." }),
  fields: [
    { name: "windowMinutes", label: "Window (minutes)", type: "number", min: 1, max: 60 },
    { name: "baselineMinutes", label: "Baseline period (minutes)", type: "number", min: 5, max: 1440 },
    { name: "factor", label: "Times the baseline", type: "number", min: 1.5, max: 1000 },
    { name: "minActions", label: "At least this many actions in the window", type: "number", min: 1, max: 1_000_000 },
  ],
  agentsOnly: true,
};

const useAfterContainment: RuleDefinition<Record<string, never>> = {
  key: "use-after-containment",
  name: "Credential used after containment",
  description: "A contained agent acted, or one of its revoked tokens was presented to a resource server. It is still trying.",
  defaults: { enabled: true, severity: "critical", response: "alert", params: {} },
  params: z.strictObject({}),
  fields: [],
  agentsOnly: true,
  detect(action, { agent }) {
    if (!action.afterContainment && !action.receivedAfterContainment) {
      return null;
    }
    if (!action.afterContainment) {
      // Dated before the containment, but sent after it: still the agent (or its key) at work.
      return { reason: `${agent?.name ?? "the agent"} was contained and an action dated ${action.occurredAt.toISOString()} arrived after the containment (${action.kind}, ${action.outcome})` };
    }
    return { reason: `${agent?.name ?? "the agent"} was contained and still ${action.kind === "login" ? "presented a token" : `attempted ${action.kind}`} (${action.outcome})` };
  },
};

const unknownAgent: RuleDefinition<Record<string, never>> = {
  key: "unknown-agent",
  name: "Action from an agent not in the inventory",
  description: "An action came from an agent nobody registered (it was discovered by an ingest key that registers unknown agents). Nobody is accountable for it.",
  defaults: { enabled: true, severity: "medium", response: "alert", params: {} },
  params: z.strictObject({}),
  fields: [],
  agentsOnly: true,
  detect(action, { agent }) {
    if (agent?.status !== "unregistered") return null;
    return { reason: `${agent.name} is not in the inventory: nobody registered it or is accountable for it` };
  },
};

const approvalRequired: RuleDefinition<{ kinds: ActionKind[]; minSensitivity: Sensitivity }> = {
  key: "approval-required",
  name: "Action that needs approval, done without it",
  description:
    "Demands approval for kinds of agent action: an agent must ask (POST /api/v1/approvals) before doing them, and one done without an approved request fires. Agents read the demands at GET /api/v1/approvals/requirements.",
  defaults: { enabled: true, severity: "high", response: "alert", params: { kinds: ["permission_change"], minSensitivity: "public" } },
  params: z.strictObject({ kinds: z.array(z.enum(actionKinds)).min(1), minSensitivity: z.enum(sensitivities) }),
  fields: [
    { name: "kinds", label: "Kinds of action that need approval", type: "choices", options: actionKinds },
    { name: "minSensitivity", label: "Only on targets at least this sensitive", type: "choice", options: sensitivities },
  ],
  agentsOnly: true,
  detect(action, context, params) {
    if (!params.kinds.includes(action.kind) || action.outcome === "denied") return null;
    if (rank(action.sensitivity ?? "public") < rank(params.minSensitivity)) return null;
    // Taking access away never waits for a person.
    if (action.kind === "permission_change" && attribute(action, "permission.effect") === "narrow") return null;
    if (approvedFor(action, context)) return null;
    return { reason: `${action.kind} on ${action.targetType ?? "a target"} ${action.targetId ?? ""} without an approved request`.replace(/\s+/g, " ") };
  },
};

export const ruleCatalog = [
  restrictedOutsideScope,
  unapprovedPost,
  permissionWidening,
  rateSpike,
  useAfterContainment,
  unknownAgent,
  approvalRequired,
] as unknown as RuleDefinition[];

export function ruleDefinition(key: string): RuleDefinition | undefined {
  return ruleCatalog.find((rule) => rule.key === key);
}
