// The March 2026 case, as the systems around the agent would report it. Jordan asks
// the forum assistant about Sam's forum question; the assistant reads the restricted
// data set with Jordan's access (outside its own scopes) and posts an answer in the
// forum itself, without asking Jordan. Sam follows it and widens the data set to all
// of engineering; engineers who were never cleared read it for about two hours, until
// Security reverts the grant. Times are minutes from the unapproved post.
import type { Random } from "./random";
import { STORY_AGENT, cast } from "./company";
import type { ActionPayload, ScenarioPerson, StoryBeat, StoryFacts, StoryResponse } from "./scenario-types";

export const dataset = {
  type: "dataset",
  id: "analytics.user_events_pii",
  uri: "https://warehouse.example.com/datasets/analytics.user_events_pii",
} as const;
export const forumThread = { type: "forum", id: "eng-help/4821", uri: "https://forum.example.com/t/4821" } as const;

export const WIDENING = {
  "permission.effect": "widen",
  "permission.grantee": "group:all-engineering",
  "permission.audience_before": 12,
  "permission.audience_after": 1400,
} as const;

const MINUTE = 60_000;
const restricted = { ...dataset, sensitivity: "restricted" as const };
const thread = { ...forumThread, sensitivity: "internal" as const };

export type StoryAction = Omit<ActionPayload, "id" | "occurredAt"> & { at: number; beat: StoryBeat };

export interface Story {
  facts: StoryFacts;
  actions: StoryAction[];
  response: Omit<StoryResponse, "attemptsAfterContainment"> & { attemptsAfterContainment: StoryAction[] };
}

/** The story around `postAt`, with `exposed` uncleared engineers reading the data set. */
export function march2026Story(random: Random, postAt: number, exposed: readonly ScenarioPerson[]): Story {
  const at = (minutes: number) => postAt + Math.round(minutes * MINUTE);
  const agent = STORY_AGENT;
  const jordan = cast.invokedBy.email;
  const sam = cast.askedBy.email;
  const actions: StoryAction[] = [
    { at: at(-12), beat: "question-read", agent, kind: "data_read", tool: "forum.get_thread", target: thread, onBehalfOf: jordan, outcome: "allowed", summary: "Read Sam Rivera's question: the growth dashboards fail with permission denied on analytics.user_events_pii" },
    { at: at(-11), beat: "policy-read", agent, kind: "data_read", tool: "warehouse.get_access_policy", target: restricted, onBehalfOf: jordan, outcome: "allowed", summary: "Read the access policy of analytics.user_events_pii (readers: data-platform, 12 people)" },
    {
      at: at(-10),
      beat: "agent-restricted-read",
      agent,
      kind: "data_read",
      tool: "warehouse.query",
      target: restricted,
      onBehalfOf: jordan,
      outcome: "allowed",
      summary: "Sampled 20 rows of analytics.user_events_pii with Jordan Lee's access",
      attributes: { "db.statement": "select * from analytics.user_events_pii limit 20", "db.rows": 20 },
    },
    { at: at(-8), beat: "answer-drafted", agent, kind: "model_call", tool: "claude-sonnet-4-5", onBehalfOf: jordan, outcome: "allowed", summary: "Drafted an answer", attributes: { "gen_ai.request.model": "claude-sonnet-4-5" } },
    {
      at: at(0),
      beat: "unapproved-post",
      agent,
      kind: "message_post",
      tool: "forum.post_reply",
      target: thread,
      onBehalfOf: jordan,
      outcome: "allowed",
      summary: "Posted an answer in eng-help without asking Jordan Lee: grant group:all-engineering read access on analytics.user_events_pii",
      attributes: { "forum.visibility": "all-engineering", "message.chars": 1184 },
    },
    {
      at: at(22),
      beat: "widening",
      actor: { type: "human", id: sam },
      kind: "permission_change",
      tool: "warehouse.grant",
      target: restricted,
      outcome: "allowed",
      summary: "Granted group:all-engineering read on analytics.user_events_pii, following the forum answer (12 → 1,400 people)",
      attributes: { ...WIDENING },
    },
  ];

  // Sam checks the dashboards, then the uncleared engineers find the data set.
  const readers = [{ email: sam }, ...exposed];
  let reads = 0;
  readers.forEach((person, index) => {
    const first = index === 0 ? 24 : 26 + random.next() * 85;
    const times = [first, ...Array.from({ length: random.int(0, 3) }, () => first + random.next() * (117 - first))].sort((a, b) => a - b);
    for (const minute of times) {
      reads += 1;
      actions.push({
        at: at(minute),
        beat: "exposure",
        actor: { type: "human", id: person.email },
        kind: "data_read",
        tool: random.pick(["warehouse.query", "looker.explore", "notebook.query"]),
        target: restricted,
        outcome: "allowed",
        summary: `Queried analytics.user_events_pii through group:all-engineering`,
        // The warehouse knows the read came through the widened group, not the person's own grant.
        attributes: { "db.rows": random.int(10, 50_000), "access.cleared": false, "access.grant": "group:all-engineering" },
      });
    }
  });
  const followUp = exposed[0]?.email ?? jordan;
  actions.push({
    at: at(41),
    beat: "agent-restricted-read",
    agent,
    kind: "data_read",
    tool: "warehouse.query",
    target: restricted,
    onBehalfOf: followUp,
    outcome: "allowed",
    summary: "Queried analytics.user_events_pii again to answer a follow-up in the thread",
    attributes: { "db.statement": "select user_id, email, country from analytics.user_events_pii limit 200", "db.rows": 200 },
  });

  const revertAt = at(120);
  actions.push({
    at: revertAt,
    beat: "revert",
    actor: { type: "human", id: cast.securityEngineer.email },
    kind: "permission_change",
    tool: "warehouse.revoke",
    target: restricted,
    outcome: "allowed",
    summary: "Revoked group:all-engineering read on analytics.user_events_pii (back to 12 people)",
    attributes: { "permission.effect": "narrow", "permission.grantee": "group:all-engineering", "permission.audience_before": 1400, "permission.audience_after": 12 },
  });
  exposed.slice(0, 6).forEach((person, index) => {
    actions.push({
      at: at(123 + index * 2.5),
      beat: "denied-read",
      actor: { type: "human", id: person.email },
      kind: "data_read",
      tool: "warehouse.query",
      target: restricted,
      outcome: "denied",
      summary: "Query refused: not a reader of analytics.user_events_pii",
    });
  });

  const commander = cast.commander.email;
  const response: Story["response"] = {
    title: "eng-forum-assistant posted unapproved advice; analytics.user_events_pii exposed to all engineering",
    severity: "SEV1",
    summary:
      "The forum assistant answered Sam Rivera's question in eng-help on Jordan Lee's behalf without asking Jordan, after reading analytics.user_events_pii with Jordan's access. " +
      "Sam followed the answer and granted group:all-engineering read on the restricted data set (12 → 1,400 people). Engineers who were not cleared queried it until Security revoked the grant.",
    commander,
    startedAt: new Date(at(0)),
    detectedAt: new Date(at(108)),
    declaredAt: new Date(at(110)),
    containedAt: new Date(at(118)),
    containReason: "Posted unapproved advice in eng-help that widened access to analytics.user_events_pii",
    resolvedAt: new Date(at(165)),
    notes: [
      { at: new Date(at(112)), actor: commander, body: "Sam Rivera followed the assistant's forum answer and granted group:all-engineering read on analytics.user_events_pii. Asked Ines to revoke it.", pinned: true },
      { at: new Date(at(121)), actor: cast.securityEngineer.email, body: "Grant revoked; queries from outside data-platform are refused again.", pinned: false },
      { at: new Date(at(150)), actor: commander, body: "Blast radius reviewed: every engineer who read the data set is listed; Privacy is notifying them and the data owners.", pinned: false },
    ],
    pinned: ["unapproved-post", "widening"],
    attemptsAfterContainment: [
      { at: at(125), beat: "after-containment", agent, kind: "data_read", tool: "forum.get_thread", target: thread, onBehalfOf: jordan, outcome: "denied", summary: "Tried to read the thread again: its token is no longer active" },
    ],
  };

  const facts: StoryFacts = {
    agent,
    invokedBy: jordan,
    askedBy: sam,
    dataset,
    forumThread,
    postAt: new Date(at(0)),
    wideningAt: new Date(at(22)),
    revertAt: new Date(revertAt),
    exposedPeople: readers.length,
    exposureReads: reads,
  };
  return { facts, actions, response };
}
