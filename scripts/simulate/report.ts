// What the simulator says while the story unfolds, and where a responder should look
// once it has: the agent to contain, the timeline views that show the post, the
// widening and who read the data, and a prefilled incident declaration.
import type { StoryBeat, StoryFacts } from "@/lib/demo/scenario-types";
import type { ConsoleClient } from "./console-client";
import type { ProvisionedAgent } from "./provision";
import type { SendStats } from "./send-actions";

export function beatLine(beat: StoryBeat, agent: string, story: StoryFacts): string | null {
  const dataset = story.dataset.id;
  switch (beat) {
    case "question-read":
      return `${agent} reads Sam Rivera's forum question, asked to help by Jordan Lee`;
    case "agent-restricted-read":
      return `${agent} queries the restricted ${dataset} with Jordan's access (outside its own scopes)`;
    case "unapproved-post":
      return `${agent} posts its answer in ${story.forumThread.id} itself, without asking Jordan`;
    case "widening":
      return `Sam Rivera follows the answer: group:all-engineering may now read ${dataset} (12 → 1,400 people)`;
    case "exposure":
      return `engineers who were never cleared start reading ${dataset}`;
    case "revert":
      return `Ines Moreau (Security) revokes the grant`;
    case "denied-read":
      return `their queries are refused again`;
    default:
      return null;
  }
}

export interface RunSummary {
  url: string;
  run: string;
  seed: string;
  ingestKey: string;
  agents: number;
  durationSeconds: number;
  actions: { sent: number; accepted: number; duplicates: number; rejected: number; requests: number; viaApi: number; viaOtlp: number };
  rejections: string[];
  story: {
    agent: { id: string; name: string };
    postAt: string;
    wideningAt: string;
    revertAt: string;
    exposedPeople: number;
    exposureReads: number;
  } | null;
  alerts: number | null;
  links: Record<string, string>;
}

/** Counts the alerts the server raised, where it has an alerts API; null where it has none yet. */
export async function countAlerts(client: ConsoleClient): Promise<number | null> {
  try {
    const reply = await client.request<unknown>("/api/v1/alerts");
    const list = Array.isArray(reply) ? reply : (reply as { alerts?: unknown })?.alerts;
    return Array.isArray(list) ? list.length : null;
  } catch {
    return null;
  }
}

export function storyLinks(url: string, story: StoryFacts, agent: ProvisionedAgent, end: Date): Record<string, string> {
  const iso = (date: Date) => encodeURIComponent(date.toISOString());
  const from = new Date(story.postAt.getTime() - 15 * 60_000);
  return {
    agent: `${url}/agents/${agent.id}`,
    agentTimeline: `${url}/timeline?agentId=${agent.id}`,
    permissionChanges: `${url}/timeline?kind=permission_change&from=${iso(from)}&to=${iso(end)}`,
    restrictedReads: `${url}/timeline?sensitivity=restricted&from=${iso(from)}&to=${iso(end)}`,
    declareIncident: `${url}/incidents/new?agentId=${agent.id}&startedAt=${iso(story.postAt)}`,
    incidents: `${url}/incidents`,
  };
}

export function printSummary(summary: RunSummary, stdout: (line: string) => void): void {
  const { actions } = summary;
  stdout("");
  stdout(`Done in ${summary.durationSeconds.toFixed(1)} s: ${actions.sent} actions (${actions.viaApi} through the batch API, ${actions.viaOtlp} as OTLP spans) in ${actions.requests} ${actions.requests === 1 ? "request" : "requests"},`);
  stdout(`  ${actions.accepted} accepted, ${actions.duplicates} duplicates, ${actions.rejected} rejected; ${summary.agents} agents, run "${summary.run}", seed "${summary.seed}".`);
  if (summary.rejections.length) stdout(`  Refused: ${summary.rejections.slice(0, 5).join("\n           ")}`);
  if (summary.alerts !== null) stdout(`  Alerts raised so far: ${summary.alerts} (GET ${summary.url}/api/v1/alerts)`);
  if (!summary.story) {
    stdout(`\nTimeline: ${summary.url}/timeline`);
    return;
  }
  const { story, links } = summary;
  stdout("");
  stdout(`What a responder should look at (the March 2026 case, agent ${story.agent.name}):`);
  stdout(`  1. The agent that posted without approval, to contain it:  ${links.agent}`);
  stdout(`  2. Everything it did (the restricted reads, the forum post): ${links.agentTimeline}`);
  stdout(`  3. The widening of analytics.user_events_pii and its revert: ${links.permissionChanges}`);
  stdout(`  4. Who read the restricted data set (${story.exposedPeople} people, ${story.exposureReads} reads): ${links.restrictedReads}`);
  stdout(`  5. Declare the SEV1 from the post onwards, then check its blast radius: ${links.declareIncident}`);
}
