// The shapes a scenario is made of: the company (agents, people), the actions in
// the public shape senders use (DESIGN.md, "an action"), and the responders' side of
// the story, which only the seeded demo plays out (a live run leaves it to people).
import type { z } from "zod";
import type { actionInput } from "@/lib/actions/action-input";
import type { DemoAgent } from "./demo-agents";

/** One action exactly as a sender posts it to `POST /api/v1/actions`. */
export type ActionPayload = z.input<typeof actionInput>;

/** How an agent reports: the batch API, or OTLP/HTTP JSON spans (GenAI and MCP conventions). */
export type Transport = "api" | "otlp";

export interface ScenarioAgent extends DemoAgent {
  reportsVia: Transport;
  /** Not registered in Tourniquet: it shows up only through what it sends (a shadow agent). */
  unregistered?: boolean;
}

export interface ScenarioPerson {
  email: string;
  name: string;
  team: string;
  /** May read the restricted data set the story is about. */
  cleared: boolean;
}

/** The moments of the March 2026 story, so tests and the simulator can find them. */
export type StoryBeat =
  | "question-read"
  | "policy-read"
  | "agent-restricted-read"
  | "answer-drafted"
  | "unapproved-post"
  | "widening"
  | "exposure"
  | "revert"
  | "denied-read"
  | "after-containment";

export interface ScenarioAction {
  /** occurredAt in milliseconds, for ordering and pacing. */
  at: number;
  via: Transport;
  beat?: StoryBeat;
  action: ActionPayload;
}

export interface StoryFacts {
  /** The agent that posted (its name in the scenario). */
  agent: string;
  invokedBy: string;
  askedBy: string;
  dataset: { type: string; id: string; uri: string };
  forumThread: { type: string; id: string; uri: string };
  /** The unapproved post: the impact begins here. */
  postAt: Date;
  wideningAt: Date;
  revertAt: Date;
  exposedPeople: number;
  exposureReads: number;
}

/** What responders did in the finished run the demo data shows. */
export interface StoryResponse {
  title: string;
  severity: "SEV1";
  summary: string;
  commander: string;
  startedAt: Date;
  detectedAt: Date;
  declaredAt: Date;
  containedAt: Date;
  containReason: string;
  resolvedAt: Date;
  notes: { at: Date; actor: string; body: string; pinned: boolean }[];
  /** Actions pinned as key evidence. */
  pinned: StoryBeat[];
  /** What the contained agent still tried; it happens only once someone contained it. */
  attemptsAfterContainment: ScenarioAction[];
}

export interface Scenario {
  seed: string;
  from: Date;
  to: Date;
  agents: ScenarioAgent[];
  people: ScenarioPerson[];
  /** Ordered by time. */
  actions: ScenarioAction[];
  story: StoryFacts | null;
  response: StoryResponse | null;
}
