import { describe, expect, it } from "vitest";
import { actionInput } from "@/lib/actions/action-input";
import { mapSpans } from "@/lib/actions/otlp/map-spans";
import { STORY_AGENT, usesMcp } from "./company";
import { WIDENING } from "./march-2026-story";
import { toOtlpRequest } from "./otlp-export";
import { generateScenario } from "./scenario";
import type { ScenarioAction, StoryBeat } from "./scenario-types";

const end = new Date("2026-03-18T15:00:00Z");
const normal = generateScenario({ end, seed: "test", size: "normal" });
const beat = (name: StoryBeat, actions: readonly ScenarioAction[] = normal.actions) => actions.filter((item) => item.beat === name);
const only = (name: StoryBeat) => {
  const found = beat(name);
  expect(found).toHaveLength(1);
  return found[0] as ScenarioAction;
};

describe("generateScenario", () => {
  it("tells the same story for the same seed and clock, and another for another seed", () => {
    expect(JSON.stringify(generateScenario({ end, seed: "test", size: "normal" }))).toBe(JSON.stringify(normal));
    const other = generateScenario({ end, seed: "other", size: "normal" });
    expect(other.actions.map((item) => item.at)).not.toEqual(normal.actions.map((item) => item.at));
    // The run's prefix changes ids only.
    const rerun = generateScenario({ end, seed: "test", size: "normal", idPrefix: "run2" });
    expect(rerun.actions.map((item) => item.at)).toEqual(normal.actions.map((item) => item.at));
    expect(new Set([...rerun.actions, ...normal.actions].map((item) => item.action.id)).size).toBe(normal.actions.length * 2);
  });

  it("produces valid actions in the public shape, in time order, with unique ids, within its window", () => {
    const ids = new Set<string>();
    let previous = 0;
    const agentNames = new Set(normal.agents.map((agent) => agent.name));
    for (const item of [...normal.actions, ...(normal.response?.attemptsAfterContainment ?? [])]) {
      const parsed = actionInput.safeParse(item.action);
      expect(parsed.success, `${item.action.id}: ${parsed.error?.message}`).toBe(true);
      expect(new Date(item.action.occurredAt).getTime()).toBe(item.at);
      expect(item.at).toBeGreaterThanOrEqual(normal.from.getTime());
      expect(item.at).toBeLessThanOrEqual(end.getTime());
      if (item.action.agent) expect(agentNames.has(item.action.agent)).toBe(true);
      else expect(item.action.actor?.type).toBe("human");
      if (item.via === "otlp") expect(item.action.id).toBe(`${item.action.traceId}:${item.action.spanId}`);
      ids.add(item.action.id);
    }
    for (const item of normal.actions) {
      expect(item.at).toBeGreaterThanOrEqual(previous);
      previous = item.at;
    }
    expect(ids.size).toBe(normal.actions.length + (normal.response?.attemptsAfterContainment.length ?? 0));
    expect(normal.agents.length).toBeGreaterThanOrEqual(30);
    expect(new Set(normal.actions.map((item) => item.via))).toEqual(new Set(["api", "otlp"]));
  });

  it("plays the March 2026 case in order: restricted read, unapproved forum post, widening, exposure, revert", () => {
    const post = only("unapproved-post");
    expect(post.action).toMatchObject({ agent: STORY_AGENT, kind: "message_post", target: { type: "forum", sensitivity: "internal" }, onBehalfOf: "jordan.lee@example.com", outcome: "allowed" });
    expect(JSON.stringify(post.action.attributes ?? {})).not.toMatch(/approv/i);

    const widening = only("widening");
    expect(widening.action).toMatchObject({ actor: { type: "human", id: "sam.rivera@example.com" }, kind: "permission_change", target: { sensitivity: "restricted" }, outcome: "allowed", attributes: WIDENING });
    expect(widening.action.agent).toBeUndefined();

    const agentReads = beat("agent-restricted-read");
    expect(agentReads.length).toBeGreaterThanOrEqual(2);
    const storyAgent = normal.agents.find((agent) => agent.name === STORY_AGENT);
    for (const read of agentReads) {
      expect(read.action).toMatchObject({ agent: STORY_AGENT, kind: "data_read", target: { id: widening.action.target?.id, sensitivity: "restricted" } });
      // Outside its scopes: nothing it holds reads the warehouse or restricted data.
      expect(storyAgent?.scopes.some((scope) => scope.startsWith("warehouse") || scope.includes("restricted"))).toBe(false);
    }

    const exposure = beat("exposure");
    const revert = only("revert");
    const cleared = new Set(normal.people.filter((person) => person.cleared).map((person) => person.email));
    expect(new Set(exposure.map((item) => item.action.actor?.id)).size).toBe(normal.story?.exposedPeople);
    expect(normal.story?.exposedPeople).toBeGreaterThanOrEqual(30);
    for (const read of exposure) {
      expect(read.action).toMatchObject({ actor: { type: "human" }, kind: "data_read", outcome: "allowed", target: { id: widening.action.target?.id, sensitivity: "restricted" } });
      expect(cleared.has(read.action.actor?.id ?? "")).toBe(false);
      expect(read.at).toBeGreaterThan(widening.at);
      expect(read.at).toBeLessThan(revert.at);
    }
    expect(revert.action).toMatchObject({ actor: { type: "human" }, kind: "permission_change", attributes: { "permission.effect": "narrow" } });
    const order = ["question-read", "agent-restricted-read", "unapproved-post", "widening", "exposure", "revert", "denied-read"] as const;
    const firsts = order.map((name) => beat(name)[0]?.at ?? Number.NaN);
    expect(firsts).toEqual([...firsts].sort((a, b) => a - b));
    // Only the story posts to the forum or widens access.
    expect(normal.actions.filter((item) => item.action.kind === "message_post" && item.action.target?.type === "forum")).toEqual([post]);
    expect(normal.actions.filter((item) => item.action.attributes?.["permission.effect"] === "widen")).toEqual([widening]);
  });

  it("gives the responders' side of the finished run consistent times", () => {
    const response = normal.response;
    if (!response) throw new Error("no response");
    const post = only("unapproved-post");
    expect(response.startedAt.getTime()).toBe(post.at);
    const times = [response.startedAt, response.detectedAt, response.declaredAt, response.containedAt, response.resolvedAt].map((date) => date.getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(response.resolvedAt.getTime()).toBeLessThanOrEqual(end.getTime());
    const containedAt = response.containedAt.getTime();
    expect(normal.actions.filter((item) => item.action.agent === STORY_AGENT && item.at >= containedAt)).toEqual([]);
    for (const attempt of response.attemptsAfterContainment) {
      expect(attempt.action).toMatchObject({ agent: STORY_AGENT, outcome: "denied" });
      expect(attempt.at).toBeGreaterThan(containedAt);
    }
  });

  it("scales with the size and leaves out the story or the routine when asked", () => {
    expect(generateScenario({ end, size: "small" }).agents).toHaveLength(13);
    expect(generateScenario({ end, size: "large", hours: 3 }).agents).toHaveLength(151);
    const fifty = generateScenario({ end, size: 50, hours: 3 });
    expect(fifty.agents).toHaveLength(51);
    expect(new Set(fifty.agents.map((agent) => agent.name.toLowerCase())).size).toBe(51);

    const quiet = generateScenario({ end, size: "small", story: false, hours: 3 });
    expect(quiet.actions.some((item) => item.beat)).toBe(false);
    expect(quiet.story).toBeNull();
    expect(quiet.response).toBeNull();
    expect(quiet.actions.length).toBeGreaterThan(50);

    const storyOnly = generateScenario({ end, size: "small", routine: false });
    expect(storyOnly.actions.every((item) => item.beat)).toBe(true);
    expect(storyOnly.agents.map((agent) => agent.name)).toEqual([STORY_AGENT]);

    const calmer = generateScenario({ end, seed: "test", size: "normal", activity: 0.5 });
    expect(calmer.actions.length).toBeLessThan(normal.actions.length * 0.7);
    expect(beat("unapproved-post", calmer.actions)).toHaveLength(1);

    expect(() => generateScenario({ end, postAt: new Date(end.getTime() - 60_000) })).toThrow(RangeError);
  });

  it("turns OpenTelemetry agents' actions into spans that Tourniquet maps back to the same actions", () => {
    const mcpAgents = new Set(normal.agents.filter(usesMcp).map((agent) => agent.name));
    const spanned = normal.actions.filter((item) => item.via === "otlp").map((item) => item.action);
    expect(spanned.length).toBeGreaterThan(100);
    const { actions, rejected } = mapSpans(toOtlpRequest(spanned, { mcpAgents }));
    expect(rejected).toEqual([]);
    const byId = new Map(actions.map((action) => [action.id, action]));
    for (const sent of spanned) {
      const mapped = byId.get(sent.id);
      expect(mapped, sent.id).toMatchObject({
        agent: sent.agent,
        occurredAt: sent.occurredAt,
        kind: sent.kind,
        outcome: sent.outcome,
        summary: sent.summary,
        ...(sent.kind === "model_call" ? {} : { tool: sent.tool }),
        ...(sent.target ? { target: sent.target } : {}),
        ...(sent.onBehalfOf ? { onBehalfOf: sent.onBehalfOf } : {}),
      });
      expect(actionInput.safeParse(mapped).success).toBe(true);
    }
    const methods = new Set(actions.map((action) => (action.attributes as Record<string, unknown>)["mcp.method.name"]));
    expect(methods).toEqual(new Set([undefined, "tools/call", "resources/read"]));
  });
});
