// A day of demo activity, ending with the shape of the March 2026 case: the forum
// assistant posts an unapproved answer for an engineer, another engineer follows it
// and widens a group, and people who were not cleared read restricted data for two
// hours until the change is reverted.
import type { ActionKind, Outcome, Sensitivity } from "@/lib/actions/vocabulary";

export interface DemoAction {
  id: string;
  agent?: string;
  human?: string;
  minutesAgo: number;
  kind: ActionKind;
  tool?: string;
  target?: { type: string; id: string; sensitivity: Sensitivity; uri?: string };
  onBehalfOf?: string;
  outcome: Outcome;
  summary: string;
}

const routine: Omit<DemoAction, "id" | "minutesAgo">[] = [
  { agent: "support-triage", kind: "tool_call", tool: "zendesk.update_ticket", target: { type: "ticket", id: "ZD-", sensitivity: "internal" }, outcome: "allowed", summary: "Labelled and routed a ticket" },
  { agent: "code-reviewer", kind: "message_post", tool: "github.create_review_comment", target: { type: "pull_request", id: "web#", sensitivity: "internal" }, outcome: "allowed", summary: "Commented on a pull request" },
  { agent: "warehouse-analyst", kind: "data_read", tool: "snowflake.query", target: { type: "table", id: "analytics.orders_daily", sensitivity: "confidential" }, onBehalfOf: "chloe.martin@example.com", outcome: "allowed", summary: "Ran a revenue query" },
  { agent: "deploy-bot", kind: "tool_call", tool: "argo.sync", target: { type: "service", id: "checkout-api", sensitivity: "internal" }, outcome: "allowed", summary: "Rolled out checkout-api" },
  { agent: "incident-summarizer", kind: "message_post", tool: "slack.post_message", target: { type: "channel", id: "#inc-updates", sensitivity: "internal" }, outcome: "allowed", summary: "Posted an incident summary" },
  { agent: "docs-search", kind: "data_read", tool: "confluence.search", target: { type: "space", id: "ENG", sensitivity: "internal" }, outcome: "allowed", summary: "Searched engineering docs" },
  { agent: "crm-enricher", kind: "data_write", tool: "salesforce.update_lead", target: { type: "lead", id: "00Q", sensitivity: "confidential" }, outcome: "allowed", summary: "Enriched a lead" },
  { agent: "support-triage", kind: "model_call", tool: "claude", outcome: "allowed", summary: "Classified a ticket" },
  { agent: "pii-scanner", kind: "data_read", tool: "snowflake.sample", target: { type: "table", id: "raw.customers", sensitivity: "restricted" }, outcome: "allowed", summary: "Sampled a column for personal data" },
  { agent: "phishing-analyst", kind: "data_read", tool: "gmail.get_message", target: { type: "mailbox", id: "reported-phish", sensitivity: "restricted" }, outcome: "allowed", summary: "Read a reported email" },
  { agent: "k8s-rightsizer", kind: "data_write", tool: "kubectl.patch", target: { type: "deployment", id: "search-indexer", sensitivity: "internal" }, outcome: "denied", summary: "Tried to patch a deployment outside its namespace" },
  { agent: "expense-auditor", kind: "data_read", tool: "concur.list_reports", target: { type: "report", id: "EXP-", sensitivity: "confidential" }, outcome: "allowed", summary: "Reviewed expense reports" },
];

const uncleared = ["noah.park", "emma.silva", "liam.chen", "olivia.novak", "lucas.meyer", "mia.dubois", "ethan.wright", "ava.rossi"];

export function demoActions(): DemoAction[] {
  const list: DemoAction[] = [];
  // Routine work over the last day, denser in working hours.
  for (let index = 0; index < 480; index++) {
    const template = routine[index % routine.length] as (typeof routine)[number];
    const minutesAgo = 1440 - index * 3 + (index % 3);
    const target = template.target ? { ...template.target, id: template.target.id.endsWith("-") || template.target.id.endsWith("#") || template.target.id === "00Q" ? `${template.target.id}${1000 + index}` : template.target.id } : undefined;
    list.push({ ...template, target, id: `demo-routine-${index}`, minutesAgo: Math.max(1, minutesAgo) });
  }

  const story: Omit<DemoAction, "id">[] = [
    { agent: "eng-forum-assistant", minutesAgo: 178, kind: "data_read", tool: "forum.get_thread", target: { type: "thread", id: "eng-forum/4821", sensitivity: "internal" }, onBehalfOf: "jordan.lee@example.com", outcome: "allowed", summary: "Read the question: how do I give my team access to the events dataset?" },
    { agent: "eng-forum-assistant", minutesAgo: 177, kind: "data_read", tool: "iam.get_group", target: { type: "group", id: "data-platform-readers", sensitivity: "confidential" }, onBehalfOf: "jordan.lee@example.com", outcome: "allowed", summary: "Looked up the members of data-platform-readers" },
    { agent: "eng-forum-assistant", minutesAgo: 176, kind: "message_post", tool: "forum.post_reply", target: { type: "thread", id: "eng-forum/4821", sensitivity: "internal", uri: "https://forum.example.com/t/4821" }, onBehalfOf: "jordan.lee@example.com", outcome: "allowed", summary: "Posted, without asking Jordan: add all-engineering to data-platform-readers" },
    { human: "sam.rivera@example.com", minutesAgo: 150, kind: "permission_change", tool: "okta.add_group_member", target: { type: "group", id: "data-platform-readers", sensitivity: "restricted" }, outcome: "allowed", summary: "Added all-engineering to data-platform-readers, following the forum answer" },
  ];
  story.forEach((action, index) => list.push({ ...action, id: `demo-story-${index}` }));
  for (let index = 0; index < 40; index++) {
    const person = uncleared[index % uncleared.length];
    list.push({
      id: `demo-exposure-${index}`,
      human: `${person}@example.com`,
      minutesAgo: 148 - index * 3,
      kind: "data_read",
      tool: "snowflake.query",
      target: { type: "table", id: index % 2 ? "hr.compensation" : "prod.user_events_pii", sensitivity: "restricted" },
      outcome: "allowed",
      summary: `Queried ${index % 2 ? "hr.compensation" : "prod.user_events_pii"} through data-platform-readers`,
    });
  }
  list.push({ id: "demo-story-revert", human: "ines.moreau@example.com", minutesAgo: 28, kind: "permission_change", tool: "okta.remove_group_member", target: { type: "group", id: "data-platform-readers", sensitivity: "restricted" }, outcome: "allowed", summary: "Removed all-engineering from data-platform-readers" });
  for (let index = 0; index < 6; index++) {
    list.push({ id: `demo-denied-${index}`, human: `${uncleared[index]}@example.com`, minutesAgo: 25 - index * 3, kind: "data_read", tool: "snowflake.query", target: { type: "table", id: "hr.compensation", sensitivity: "restricted" }, outcome: "denied", summary: "Query refused: not in data-platform-readers" });
  }
  return list;
}
