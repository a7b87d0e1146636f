// A realistic company's agents for the demo: teams, accountable owners, platforms,
// scopes of every risk level, and one agent shaped like the March 2026 case (an
// internal forum assistant that can post and acts with its users' access).
import type { AgentActsAs, AgentEnvironment, AgentStatus } from "@/lib/agents/vocabulary";

export interface DemoAgent {
  name: string;
  team: string;
  owner: string;
  platform: string;
  environment: AgentEnvironment;
  actsAs: AgentActsAs;
  status?: AgentStatus;
  scopes: string[];
  description: string;
  /** Systems where the agent holds credentials of its own. */
  external?: { system: string; identifier: string; scopes: string[]; days?: number; revocable: boolean }[];
}

const o = (name: string) => `${name}@example.com`;

export const demoAgents: DemoAgent[] = [
  { name: "eng-forum-assistant", team: "Developer Experience", owner: o("dana.kim"), platform: "Claude Agent SDK", environment: "prod", actsAs: "on_behalf_of_users", scopes: ["forum:read", "forum:post", "docs:read", "iam:read", "iam:write"], description: "Answers engineering forum questions and drafts replies for the engineer who asked.", external: [{ system: "github", identifier: "app/eng-forum-assistant", scopes: ["repo:read"], days: 30, revocable: true }] },
  { name: "support-triage", team: "Support", owner: o("maria.lopez"), platform: "LangGraph", environment: "prod", actsAs: "self", scopes: ["tickets:read", "tickets:write", "kb:read"], description: "Labels and routes incoming support tickets." },
  { name: "refund-assistant", team: "Support", owner: o("maria.lopez"), platform: "OpenAI Agents SDK", environment: "prod", actsAs: "on_behalf_of_users", scopes: ["tickets:read", "billing:read:confidential", "billing:refund:write"], description: "Proposes refunds under 100 EUR for human approval.", external: [{ system: "stripe", identifier: "rk_live_…refunds (restricted key)", scopes: ["refunds:write"], revocable: false }] },
  { name: "kb-writer", team: "Support", owner: o("tom.ng"), platform: "CrewAI", environment: "staging", actsAs: "self", scopes: ["kb:read", "kb:write"], description: "Drafts knowledge-base articles from resolved tickets." },
  { name: "deploy-bot", team: "Platform", owner: o("raj.patel"), platform: "custom (Go)", environment: "prod", actsAs: "self", scopes: ["deploy:execute", "k8s:read", "k8s:write"], description: "Rolls out services after green CI.", external: [{ system: "aws", identifier: "arn:aws:iam::123456789012:role/deploy-bot", scopes: ["eks:deploy"], revocable: true }, { system: "github", identifier: "deploy-bot[bot]", scopes: ["repo:write"], days: 60, revocable: true }] },
  { name: "incident-summarizer", team: "Platform", owner: o("raj.patel"), platform: "Claude Agent SDK", environment: "prod", actsAs: "self", scopes: ["pager:read", "slack:post", "logs:read"], description: "Posts a running summary into incident channels." },
  { name: "k8s-rightsizer", team: "Platform", owner: o("lena.fischer"), platform: "LangGraph", environment: "prod", actsAs: "self", scopes: ["k8s:read", "k8s:write", "metrics:read"], description: "Adjusts resource requests from usage metrics." },
  { name: "iam-access-reviewer", team: "Security", owner: o("ines.moreau"), platform: "OpenAI Agents SDK", environment: "prod", actsAs: "self", scopes: ["iam:read", "iam:admin"], description: "Prepares quarterly access reviews and removes stale grants.", external: [{ system: "okta", identifier: "svc-access-reviewer", scopes: ["groups:manage"], days: 14, revocable: true }] },
  { name: "phishing-analyst", team: "Security", owner: o("ines.moreau"), platform: "AutoGen", environment: "prod", actsAs: "self", scopes: ["mail:read:restricted", "tickets:write"], description: "Analyses reported emails and opens tickets." },
  { name: "vuln-patcher", team: "Security", owner: o("sam.okafor"), platform: "Claude Agent SDK", environment: "staging", actsAs: "self", scopes: ["repo:read", "repo:write", "ci:execute"], description: "Opens pull requests that bump vulnerable dependencies." },
  { name: "warehouse-analyst", team: "Data", owner: o("yuki.tanaka"), platform: "LangGraph", environment: "prod", actsAs: "on_behalf_of_users", scopes: ["warehouse:read", "warehouse:read:restricted", "dashboards:write"], description: "Answers business questions with SQL over the warehouse.", external: [{ system: "snowflake", identifier: "AGENT_WAREHOUSE_ANALYST", scopes: ["analytics:read"], revocable: false }] },
  { name: "pipeline-doctor", team: "Data", owner: o("yuki.tanaka"), platform: "custom (Python)", environment: "prod", actsAs: "self", scopes: ["airflow:read", "airflow:execute", "logs:read"], description: "Restarts failed data pipelines and files a report." },
  { name: "pii-scanner", team: "Data", owner: o("omar.haddad"), platform: "Bedrock Agents", environment: "prod", actsAs: "self", scopes: ["warehouse:read:restricted", "catalog:write"], description: "Tags columns that hold personal data." },
  { name: "schema-migrator", team: "Data", owner: o("omar.haddad"), platform: "custom (Python)", environment: "dev", actsAs: "self", scopes: ["warehouse:*"], description: "Experimental: applies schema migrations in dev." },
  { name: "sales-email-drafter", team: "Sales", owner: o("chloe.martin"), platform: "OpenAI Agents SDK", environment: "prod", actsAs: "on_behalf_of_users", scopes: ["crm:read", "mail:send"], description: "Drafts and sends follow-up emails for account executives.", external: [{ system: "gmail", identifier: "delegated OAuth grant (per user)", scopes: ["gmail.send"], revocable: false }] },
  { name: "crm-enricher", team: "Sales", owner: o("chloe.martin"), platform: "CrewAI", environment: "prod", actsAs: "self", scopes: ["crm:read", "crm:write"], description: "Fills in company data on new leads." },
  { name: "deal-desk-helper", team: "Sales", owner: o("victor.alves"), platform: "Claude Agent SDK", environment: "staging", actsAs: "on_behalf_of_users", scopes: ["crm:read:confidential", "contracts:read"], description: "Answers pricing and contract questions." },
  { name: "invoice-matcher", team: "Finance", owner: o("grace.obi"), platform: "Bedrock Agents", environment: "prod", actsAs: "self", scopes: ["erp:read", "erp:write", "billing:read:confidential"], description: "Matches invoices to purchase orders." },
  { name: "expense-auditor", team: "Finance", owner: o("grace.obi"), platform: "LangGraph", environment: "prod", actsAs: "self", scopes: ["expenses:read:confidential", "tickets:write"], description: "Flags expense reports that break policy." },
  { name: "payroll-qa", team: "Finance", owner: o("henrik.berg"), platform: "custom (Java)", environment: "prod", actsAs: "self", status: "suspended", scopes: ["payroll:read:restricted"], description: "Checks payroll runs before approval. Suspended pending review." },
  { name: "onboarding-buddy", team: "People", owner: o("aisha.bello"), platform: "OpenAI Agents SDK", environment: "prod", actsAs: "on_behalf_of_users", scopes: ["hris:read", "slack:post", "docs:read"], description: "Guides new hires through their first weeks." },
  { name: "recruiting-screener", team: "People", owner: o("aisha.bello"), platform: "Claude Agent SDK", environment: "prod", actsAs: "self", scopes: ["ats:read:confidential", "ats:write"], description: "Summarises applications for recruiters." },
  { name: "policy-answerer", team: "People", owner: o("paul.weber"), platform: "LangGraph", environment: "prod", actsAs: "self", scopes: ["docs:read", "slack:post"], description: "Answers HR policy questions in Slack." },
  { name: "code-reviewer", team: "Developer Experience", owner: o("dana.kim"), platform: "Claude Agent SDK", environment: "prod", actsAs: "self", scopes: ["repo:read", "pr:post"], description: "Leaves review comments on pull requests." },
  { name: "flaky-test-hunter", team: "Developer Experience", owner: o("marcus.webb"), platform: "custom (TypeScript)", environment: "prod", actsAs: "self", scopes: ["ci:read", "ci:execute", "tickets:write"], description: "Reruns and quarantines flaky tests." },
  { name: "docs-search", team: "Developer Experience", owner: o("marcus.webb"), platform: "OpenAI Agents SDK", environment: "prod", actsAs: "self", scopes: ["docs:read"], description: "Semantic search over internal docs." },
  { name: "release-notes-writer", team: "Developer Experience", owner: o("priya.raman"), platform: "CrewAI", environment: "staging", actsAs: "self", scopes: ["repo:read", "docs:write"], description: "Drafts release notes from merged pull requests." },
  { name: "marketing-copy", team: "Marketing", owner: o("elena.rossi"), platform: "OpenAI Agents SDK", environment: "prod", actsAs: "self", scopes: ["cms:read", "cms:write"], description: "Writes landing-page variants for review." },
  { name: "social-listener", team: "Marketing", owner: o("elena.rossi"), platform: "AutoGen", environment: "prod", actsAs: "self", scopes: ["social:read", "slack:post"], description: "Summarises brand mentions." },
  { name: "campaign-publisher", team: "Marketing", owner: o("felix.braun"), platform: "custom (Python)", environment: "prod", actsAs: "self", scopes: ["social:publish", "cms:write"], description: "Publishes approved campaign posts.", external: [{ system: "linkedin", identifier: "Company page token", scopes: ["w_organization_social"], days: 45, revocable: false }] },
  { name: "legal-redliner", team: "Legal", owner: o("nora.schmidt"), platform: "Claude Agent SDK", environment: "prod", actsAs: "on_behalf_of_users", scopes: ["contracts:read:confidential", "contracts:write"], description: "Suggests redlines on supplier contracts." },
  { name: "soc2-evidence-collector", team: "Security", owner: o("sam.okafor"), platform: "LangGraph", environment: "prod", actsAs: "self", scopes: ["iam:read", "logs:read", "docs:write"], description: "Collects audit evidence every week." },
  { name: "legacy-report-bot", team: "Finance", owner: o("henrik.berg"), platform: "custom (Python)", environment: "prod", actsAs: "self", status: "retired", scopes: ["erp:read"], description: "Retired: replaced by invoice-matcher." },
  { name: "chatops-runner", team: "Platform", owner: o("lena.fischer"), platform: "custom (Go)", environment: "prod", actsAs: "on_behalf_of_users", scopes: ["k8s:write", "deploy:execute", "slack:post"], description: "Runs operational commands typed in Slack." },
  { name: "customer-health-scorer", team: "Sales", owner: o("victor.alves"), platform: "Bedrock Agents", environment: "dev", actsAs: "self", scopes: ["crm:read", "warehouse:read"], description: "Scores account health nightly." },
  { name: "translation-agent", team: "Support", owner: o("tom.ng"), platform: "OpenAI Agents SDK", environment: "prod", actsAs: "self", scopes: ["tickets:read", "tickets:write"], description: "Translates tickets and replies." },
];
