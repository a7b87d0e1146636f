// Normal work: what each agent does with the scopes it holds, and what people read
// in a working day. Denser in working hours (UTC), with the odd denial and error.
// Routine agent posts go to pull requests, channels and emails; only the story posts
// to the forum, and only the story changes access in a widening direction.
import type { ActionKind, Sensitivity } from "@/lib/actions/vocabulary";
import { clearedFor } from "@/lib/rules/catalog";
import type { Random } from "./random";
import type { ActionPayload, ScenarioAgent, ScenarioPerson } from "./scenario-types";

interface Work {
  kind: ActionKind;
  tool: string;
  target?: (n: number, random: Random) => { type: string; id: string; sensitivity: Sensitivity };
  summary: (id: string) => string;
  attributes?: Record<string, unknown>;
}

const SERVICES = ["checkout-api", "search-indexer", "payments-worker", "web-frontend", "notifications", "auth-gateway"];
const REPOS = ["acme/web", "acme/payments", "acme/mobile", "acme/infra", "acme/search"];
const CHANNELS = ["#support-escalations", "#inc-updates", "#platform-ops", "#sales-wins", "#people-questions", "#brand"];
const TABLES = ["analytics.orders_daily", "analytics.revenue_by_region", "analytics.churn_weekly", "analytics.funnel_events"];
const GROUPS = ["payments-oncall", "search-readers", "contractors-2025", "ads-analysts"];

const target = (type: string, sensitivity: Sensitivity, id: (n: number, random: Random) => string) => (n: number, random: Random) => ({ type, id: id(n, random), sensitivity });
const pickFrom = (items: readonly string[]) => (_n: number, random: Random) => random.pick(items);

const byScope: Record<string, Work[]> = {
  "forum:read": [{ kind: "data_read", tool: "forum.get_thread", target: target("forum", "internal", (n) => `eng-help/${n}`), summary: (id) => `Read forum thread ${id}` }],
  "forum:post": [{ kind: "data_write", tool: "forum.save_draft", target: target("draft", "internal", (n) => `eng-help/${n}/draft`), summary: () => "Drafted a reply for the engineer who asked" }],
  "docs:read": [{ kind: "data_read", tool: "confluence.get_page", target: target("doc", "internal", (n) => `ENG/${n}`), summary: (id) => `Read page ${id}` }],
  "docs:write": [{ kind: "data_write", tool: "confluence.update_page", target: target("doc", "internal", (n) => `ENG/${n}`), summary: (id) => `Updated page ${id}` }],
  "iam:read": [{ kind: "data_read", tool: "iam.get_group", target: target("group", "confidential", pickFrom(GROUPS)), summary: (id) => `Listed the members of ${id}` }],
  "iam:admin": [
    {
      kind: "permission_change",
      tool: "okta.remove_group_member",
      target: target("group", "confidential", pickFrom(GROUPS)),
      summary: (id) => `Removed a stale member from ${id} (quarterly access review)`,
      attributes: { "permission.effect": "narrow" },
    },
  ],
  "tickets:read": [{ kind: "data_read", tool: "zendesk.get_ticket", target: target("ticket", "internal", (n) => `ZD-${n}`), summary: (id) => `Read ticket ${id}` }],
  "tickets:write": [{ kind: "tool_call", tool: "zendesk.update_ticket", target: target("ticket", "internal", (n) => `ZD-${n}`), summary: (id) => `Labelled and routed ticket ${id}` }],
  "kb:read": [{ kind: "data_read", tool: "kb.search", target: target("kb_article", "public", (n) => `KB-${n}`), summary: (id) => `Found article ${id}` }],
  "kb:write": [{ kind: "data_write", tool: "kb.save_draft", target: target("kb_article", "internal", (n) => `KB-${n}`), summary: (id) => `Drafted article ${id}` }],
  "billing:read:confidential": [{ kind: "data_read", tool: "stripe.get_invoice", target: target("invoice", "confidential", (n) => `in_${n}`), summary: (id) => `Read invoice ${id}` }],
  "billing:refund:write": [{ kind: "data_write", tool: "stripe.propose_refund", target: target("refund", "confidential", (n) => `re_${n}`), summary: (id) => `Proposed refund ${id} for a person to approve` }],
  "deploy:execute": [{ kind: "tool_call", tool: "argo.sync", target: target("service", "internal", pickFrom(SERVICES)), summary: (id) => `Rolled out ${id}` }],
  "k8s:read": [{ kind: "data_read", tool: "kubectl.get", target: target("deployment", "internal", pickFrom(SERVICES)), summary: (id) => `Read deployment ${id}` }],
  "k8s:write": [{ kind: "data_write", tool: "kubectl.patch", target: target("deployment", "internal", pickFrom(SERVICES)), summary: (id) => `Adjusted resource requests of ${id}` }],
  "pager:read": [{ kind: "data_read", tool: "pagerduty.get_incident", target: target("page", "internal", (n) => `PD-${n}`), summary: (id) => `Read page ${id}` }],
  "slack:post": [{ kind: "message_post", tool: "slack.post_message", target: target("channel", "internal", pickFrom(CHANNELS)), summary: (id) => `Posted in ${id}` }],
  "metrics:read": [{ kind: "data_read", tool: "prometheus.query", target: target("metric", "internal", (_n, random) => `${random.pick(SERVICES)}:cpu`), summary: (id) => `Queried ${id}` }],
  "mail:read:restricted": [{ kind: "data_read", tool: "gmail.get_message", target: target("mailbox", "restricted", (n) => `reported-phish/${n}`), summary: () => "Read a reported email" }],
  "repo:read": [{ kind: "data_read", tool: "github.get_contents", target: target("repository", "internal", pickFrom(REPOS)), summary: (id) => `Read code in ${id}` }],
  "repo:write": [{ kind: "data_write", tool: "github.create_pull_request", target: target("repository", "internal", pickFrom(REPOS)), summary: (id) => `Opened a pull request on ${id}` }],
  "ci:read": [{ kind: "data_read", tool: "ci.get_logs", target: target("pipeline", "internal", (n, random) => `${random.pick(REPOS)}#${n}`), summary: (id) => `Read CI logs of ${id}` }],
  "ci:execute": [{ kind: "tool_call", tool: "ci.rerun_job", target: target("pipeline", "internal", (n, random) => `${random.pick(REPOS)}#${n}`), summary: (id) => `Reran ${id}` }],
  "pr:post": [{ kind: "message_post", tool: "github.create_review_comment", target: target("pull_request", "internal", (n, random) => `${random.pick(REPOS)}#${n}`), summary: (id) => `Commented on ${id}` }],
  "warehouse:read": [{ kind: "data_read", tool: "snowflake.query", target: target("table", "confidential", pickFrom(TABLES)), summary: (id) => `Queried ${id}` }],
  "warehouse:read:restricted": [{ kind: "data_read", tool: "snowflake.query", target: target("table", "restricted", () => "raw.customers"), summary: () => "Sampled raw.customers for personal data" }],
  "dashboards:write": [{ kind: "data_write", tool: "looker.update_dashboard", target: target("dashboard", "internal", (n) => `looker/${n}`), summary: (id) => `Updated dashboard ${id}` }],
  "airflow:read": [{ kind: "data_read", tool: "airflow.get_dag_run", target: target("pipeline", "internal", (n) => `etl_orders/${n}`), summary: (id) => `Checked run ${id}` }],
  "airflow:execute": [{ kind: "tool_call", tool: "airflow.clear_task", target: target("pipeline", "internal", (n) => `etl_orders/${n}`), summary: (id) => `Restarted ${id}` }],
  "logs:read": [{ kind: "data_read", tool: "datadog.search_logs", target: target("log_index", "internal", pickFrom(SERVICES)), summary: (id) => `Searched the logs of ${id}` }],
  "catalog:write": [{ kind: "data_write", tool: "datahub.tag_column", target: target("column", "confidential", () => "raw.customers.email"), summary: () => "Tagged raw.customers.email as personal data" }],
  "warehouse:*": [{ kind: "data_write", tool: "dbt.run_migration", target: target("schema", "internal", (n) => `dev.sandbox_${n}`), summary: (id) => `Migrated ${id}` }],
  "crm:read": [{ kind: "data_read", tool: "salesforce.get_account", target: target("account", "confidential", (n) => `001${n}`), summary: (id) => `Read account ${id}` }],
  "crm:write": [{ kind: "data_write", tool: "salesforce.update_lead", target: target("lead", "confidential", (n) => `00Q${n}`), summary: (id) => `Enriched lead ${id}` }],
  "crm:read:confidential": [{ kind: "data_read", tool: "salesforce.get_opportunity", target: target("opportunity", "confidential", (n) => `006${n}`), summary: (id) => `Read opportunity ${id}` }],
  "mail:send": [{ kind: "message_post", tool: "gmail.send", target: target("email", "confidential", (n) => `thread-${n}`), summary: () => "Sent a follow-up email for an account executive" }],
  "contracts:read": [{ kind: "data_read", tool: "ironclad.get_contract", target: target("contract", "confidential", (n) => `CTR-${n}`), summary: (id) => `Read contract ${id}` }],
  "contracts:read:confidential": [{ kind: "data_read", tool: "ironclad.get_contract", target: target("contract", "confidential", (n) => `CTR-${n}`), summary: (id) => `Read contract ${id}` }],
  "contracts:write": [{ kind: "data_write", tool: "ironclad.add_redline", target: target("contract", "confidential", (n) => `CTR-${n}`), summary: (id) => `Suggested redlines on ${id}` }],
  "erp:read": [{ kind: "data_read", tool: "netsuite.get_purchase_order", target: target("purchase_order", "confidential", (n) => `PO-${n}`), summary: (id) => `Read ${id}` }],
  "erp:write": [{ kind: "data_write", tool: "netsuite.match_invoice", target: target("purchase_order", "confidential", (n) => `PO-${n}`), summary: (id) => `Matched an invoice to ${id}` }],
  "expenses:read:confidential": [{ kind: "data_read", tool: "concur.list_reports", target: target("expense_report", "confidential", (n) => `EXP-${n}`), summary: (id) => `Reviewed expense report ${id}` }],
  "hris:read": [{ kind: "data_read", tool: "workday.get_worker", target: target("worker", "confidential", (n) => `W${n}`), summary: (id) => `Read onboarding tasks of ${id}` }],
  "ats:read:confidential": [{ kind: "data_read", tool: "greenhouse.get_application", target: target("application", "confidential", (n) => `APP-${n}`), summary: (id) => `Summarised application ${id}` }],
  "ats:write": [{ kind: "data_write", tool: "greenhouse.add_note", target: target("application", "confidential", (n) => `APP-${n}`), summary: (id) => `Added a note to ${id}` }],
  "cms:read": [{ kind: "data_read", tool: "contentful.get_entry", target: target("page", "public", (n) => `landing-${n}`), summary: (id) => `Read ${id}` }],
  "cms:write": [{ kind: "data_write", tool: "contentful.update_entry", target: target("page", "internal", (n) => `landing-${n}-draft`), summary: (id) => `Drafted ${id}` }],
  "social:read": [{ kind: "data_read", tool: "brandwatch.search", target: target("mentions", "public", () => "brand"), summary: () => "Summarised brand mentions" }],
  "social:publish": [{ kind: "message_post", tool: "linkedin.publish", target: target("social_post", "public", () => "company-page"), summary: () => "Published an approved campaign post" }],
};

const MODEL_BY_PLATFORM: Record<string, string> = {
  "Claude Agent SDK": "claude-sonnet-4-5",
  "OpenAI Agents SDK": "gpt-4.1",
  "Bedrock Agents": "anthropic.claude-3-5-haiku",
};

// An unregistered agent declares no scopes: it does what its user's notebook can.
const SHADOW_WORK: Work[] = [
  { kind: "tool_call", tool: "python.execute", target: target("notebook", "internal", (n) => `churn-model-${n}.ipynb`), summary: (id) => `Ran a cell in ${id}` },
  { kind: "data_read", tool: "snowflake.query", target: target("table", "confidential", pickFrom(TABLES)), summary: (id) => `Queried ${id}` },
];

function workFor(agent: ScenarioAgent): Work[] {
  const model = MODEL_BY_PLATFORM[agent.platform] ?? "gpt-4.1-mini";
  const work = agent.unregistered ? SHADOW_WORK : agent.scopes.flatMap((scope) => byScope[scope] ?? []);
  // Roughly one model call for every two tool uses.
  const modelCall: Work = { kind: "model_call", tool: model, summary: () => `Called ${model}`, attributes: { "gen_ai.request.model": model } };
  return work.length ? [...work, ...work.map(() => modelCall).slice(0, Math.ceil(work.length / 2))] : [modelCall];
}

/** How busy the company is at this moment: full in working hours (UTC), low at night. */
export function activityAt(time: number): number {
  const hour = new Date(time).getUTCHours();
  return hour >= 8 && hour < 19 ? 1 : 0.35;
}

/** Times of events for something that happens `perHour` times an hour at full activity. */
export function eventTimes(random: Random, from: number, to: number, perHour: number): number[] {
  const times: number[] = [];
  const step = 60_000;
  const chance = (perHour * step) / 3_600_000;
  for (let time = from; time < to; time += step) {
    if (random.chance(chance * activityAt(time))) times.push(time + random.int(0, step - 1000));
  }
  return times;
}

/**
 * A registered agent's routine work stays inside what its scopes clear it for (data
 * above that is labelled internal), so in the demo only the story, and the shadow agent
 * nobody scoped, trip the restricted-outside-scope rule.
 */
function withinClearance<T extends { sensitivity: Sensitivity }>(agent: ScenarioAgent, resource: T | undefined): T | undefined {
  if (!resource || agent.unregistered || (resource.sensitivity !== "confidential" && resource.sensitivity !== "restricted")) return resource;
  return clearedFor(agent.scopes, resource.sensitivity) ? resource : { ...resource, sensitivity: "internal" };
}

export type RoutineAction = Omit<ActionPayload, "id" | "occurredAt"> & { at: number };

export function agentRoutine(random: Random, agent: ScenarioAgent, from: number, to: number, onBehalfOf: readonly ScenarioPerson[], activity = 1): RoutineAction[] {
  if ((agent.status ?? "active") !== "active") return [];
  const work = workFor(agent);
  const perHour = (1.5 + random.next() * 4.5) * activity;
  return eventTimes(random, from, to, perHour).map((at) => {
    const item = random.pick(work);
    const n = random.int(1000, 9999);
    const resource = withinClearance(agent, item.target?.(n, random));
    const roll = random.next();
    const outcome = roll < 0.025 ? "denied" : roll < 0.04 ? "error" : "allowed";
    return {
      at,
      agent: agent.name,
      kind: item.kind,
      tool: item.tool,
      ...(resource ? { target: resource } : {}),
      ...(agent.actsAs === "on_behalf_of_users" && onBehalfOf.length ? { onBehalfOf: random.pick(onBehalfOf).email } : {}),
      outcome,
      summary: outcome === "allowed" ? item.summary(resource?.id ?? "") : `${item.summary(resource?.id ?? "")}: ${outcome === "denied" ? "refused by the system" : "failed"}`,
      ...(item.attributes ? { attributes: item.attributes } : {}),
    };
  });
}

const HUMAN_READS = [
  { tool: "gdrive.open", type: "doc", prefix: "gdrive/design-", summary: "Opened a design doc" },
  { tool: "confluence.view", type: "doc", prefix: "PEOPLE/", summary: "Read a handbook page" },
  { tool: "looker.view_dashboard", type: "dashboard", prefix: "looker/", summary: "Viewed a dashboard" },
] as const;

/** People at work: reading internal documents, which exposes nothing. */
export function peopleRoutine(random: Random, people: readonly ScenarioPerson[], from: number, to: number, activity = 1): RoutineAction[] {
  return people.flatMap((person) =>
    eventTimes(random, from, to, 0.4 * activity).map((at) => {
      const read = random.pick(HUMAN_READS);
      return {
        at,
        actor: { type: "human" as const, id: person.email },
        kind: "data_read" as const,
        tool: read.tool,
        target: { type: read.type, id: `${read.prefix}${random.int(100, 999)}`, sensitivity: "internal" as const },
        outcome: "allowed" as const,
        summary: read.summary,
      };
    }),
  );
}
