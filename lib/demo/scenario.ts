// The one story both the seeded demo and `npm run simulate` tell: a company's agents
// and people at work, and the March 2026 case in the middle of it. Pure: the same
// options (seed, clock, size) give the same agents, people and actions, in the public
// action shape, ordered by time. The seed stores them; the simulator sends them.
import { STORY_AGENT, type ScenarioSize, agentCount, cast, companyAgents, companyPeople, exposedCount } from "./company";
import { dataset, march2026Story } from "./march-2026-story";
import { hexFrom, seededRandom } from "./random";
import { type RoutineAction, agentRoutine, peopleRoutine } from "./routine-work";
import type { Scenario, ScenarioAction, ScenarioAgent, StoryBeat, Transport } from "./scenario-types";

export const DEFAULT_SEED = "march-2026";
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** The story runs from 12 minutes before the post to 135 minutes after it. */
export const STORY_LEAD_MS = 12 * MINUTE;
export const STORY_TAIL_MS = 135 * MINUTE;

export interface ScenarioOptions {
  /** The clock: the scenario ends at this moment; nothing happens after it. */
  end: Date;
  seed?: string;
  size?: ScenarioSize;
  /** Hours of routine work before `end` (default 24). */
  hours?: number;
  /** When the agent posts without approval (default three hours before `end`). */
  postAt?: Date;
  /** Tell the March 2026 story (default true). */
  story?: boolean;
  /** Include the company's routine work (default true). */
  routine?: boolean;
  /** Prefix of every action id: unique per run, so each run's actions are its own. */
  idPrefix?: string;
  /** How busy the company is: a multiplier of routine work (default 1). */
  activity?: number;
}

type Draft = (RoutineAction & { beat?: StoryBeat }) & { at: number };

function transportOf(agents: Map<string, ScenarioAgent>, draft: Draft): Transport {
  return draft.agent ? (agents.get(draft.agent)?.reportsVia ?? "api") : "api";
}

export function generateScenario(options: ScenarioOptions): Scenario {
  const seed = options.seed ?? DEFAULT_SEED;
  const size = options.size ?? "normal";
  const withStory = options.story ?? true;
  const withRoutine = options.routine ?? true;
  const idPrefix = options.idPrefix ?? "demo";
  const end = options.end.getTime();
  const postAt = withStory ? (options.postAt?.getTime() ?? end - 3 * HOUR) : end;
  if (withStory && postAt + STORY_TAIL_MS > end) {
    throw new RangeError(`The story needs ${STORY_TAIL_MS / MINUTE} minutes after the post; postAt is too close to end.`);
  }
  const from = Math.min(end - (options.hours ?? 24) * HOUR, withStory ? postAt - STORY_LEAD_MS - MINUTE : end);

  const random = seededRandom(`${seed}:${agentCount(size)}`);
  const everyAgent = companyAgents(size);
  const agents = withRoutine ? everyAgent : everyAgent.filter((agent) => agent.name === STORY_AGENT);
  const exposed = exposedCount(size);
  const people = companyPeople(random, exposed + Math.ceil(exposed / 2));
  const byName = new Map(agents.map((agent) => [agent.name, agent]));

  const drafts: Draft[] = [];
  const castEmails = new Set(Object.values(cast).map((person) => person.email));
  const uncleared = people.filter((person) => !person.cleared && !castEmails.has(person.email));
  const story = withStory ? march2026Story(random, postAt, uncleared.slice(0, exposed)) : null;
  if (withRoutine) {
    const activity = options.activity ?? 1;
    for (const agent of agents) drafts.push(...agentRoutine(random, agent, from, end, uncleared, activity));
    drafts.push(...peopleRoutine(random, people, from, end, activity));
    // The cleared few use the data set as usual, before anything happened.
    const usualEnd = withStory ? postAt - STORY_LEAD_MS : end;
    for (const person of people.filter((candidate) => candidate.cleared)) {
      for (let count = random.int(0, 2); count > 0; count--) {
        drafts.push({
          at: from + Math.floor(random.next() * Math.max(1, usualEnd - from)),
          actor: { type: "human", id: person.email },
          kind: "data_read",
          tool: "warehouse.query",
          target: { type: dataset.type, id: dataset.id, sensitivity: "restricted" },
          outcome: "allowed",
          summary: "Queried analytics.user_events_pii as a data-platform reader",
        });
      }
    }
  }
  if (story) {
    // Once contained, the agent's routine work stops: what it still tries is in the response.
    const containedAt = story.response.containedAt.getTime();
    const stillRunning = drafts.filter((draft) => draft.agent !== STORY_AGENT || draft.at < containedAt);
    drafts.splice(0, drafts.length, ...stillRunning, ...story.actions);
  }

  // Stable order: by time, then by the order drafted.
  const ordered = drafts.map((draft, index) => ({ draft, index })).sort((a, b) => a.draft.at - b.draft.at || a.index - b.index);
  let counter = 0;
  const finish = (draft: Draft): ScenarioAction => {
    const { at, beat, ...fields } = draft;
    const via = transportOf(byName, draft);
    const number = counter++;
    const occurredAt = new Date(at).toISOString();
    if (via === "otlp") {
      const traceId = hexFrom(`${idPrefix}:trace:${number}`, 32);
      const spanId = hexFrom(`${idPrefix}:span:${number}`, 16);
      return { at, via, ...(beat ? { beat } : {}), action: { id: `${traceId}:${spanId}`, occurredAt, ...fields, traceId, spanId } };
    }
    return { at, via, ...(beat ? { beat } : {}), action: { id: `${idPrefix}-${number}`, occurredAt, ...fields } };
  };
  const actions = ordered.map(({ draft }) => finish(draft));

  return {
    seed,
    from: new Date(from),
    to: new Date(end),
    agents,
    people,
    actions,
    story: story?.facts ?? null,
    response: story ? { ...story.response, attemptsAfterContainment: story.response.attemptsAfterContainment.map(finish) } : null,
  };
}
