// `npm run simulate -- --url <base>`: plays the demo's scenario (lib/demo/scenario.ts)
// against a running Tourniquet through its public HTTP APIs only, as real agents and
// gateways would. Progress goes to stderr, the summary to stdout. Exit 0 when every
// action was accepted, 1 when the server refused something or could not be reached,
// 2 for a wrong command line.
import { usesMcp } from "@/lib/demo/company";
import { STORY_TAIL_MS, generateScenario } from "@/lib/demo/scenario";
import type { ScenarioAction, StoryBeat } from "@/lib/demo/scenario-types";
import { ConsoleClient, SimulateError } from "./simulate/console-client";
import { type SimulateOptions, UsageError, parseSimulateOptions, usage } from "./simulate/options";
import { provision } from "./simulate/provision";
import { type RunSummary, beatLine, countAlerts, printSummary, storyLinks } from "./simulate/report";
import { sendActions } from "./simulate/send-actions";

const MINUTE = 60_000;
const log = (line: string) => process.stderr.write(`${line}\n`);
const clock = (at: number) => new Date(at).toISOString().slice(11, 19);

function scenarioAt(options: SimulateOptions, end: Date) {
  return generateScenario({
    end,
    seed: options.seed,
    size: options.size,
    hours: options.minutes / 60,
    // The story ends five minutes before the run does.
    postAt: new Date(end.getTime() - STORY_TAIL_MS - 5 * MINUTE),
    story: options.story,
    routine: options.routine,
    idPrefix: `sim-${options.run}`,
  });
}

async function simulate(options: SimulateOptions): Promise<number> {
  const began = Date.now();
  const client = new ConsoleClient(options.url);
  if ("apiKey" in options.auth) client.useApiKey(options.auth.apiKey);
  else await client.signIn(options.auth.email, options.auth.password);
  log(`Simulating against ${options.url} (run ${options.run}, seed ${options.seed}, size ${options.size}, speed ${Number.isFinite(options.speed) ? `${options.speed}x` : "max"})`);

  // The company does not depend on the clock: register it first, then start the clock.
  const company = scenarioAt(options, new Date());
  const nameOf = (name: string) => `${name}-${options.run}`;
  const wallSeconds = Number.isFinite(options.speed) ? (options.minutes * 60) / options.speed : 0;
  const provisioned = await provision(client, { run: options.run, agents: company.agents, nameOf, tokenSeconds: wallSeconds + 3600, ingestKey: options.ingestKey }, log);

  const start = Date.now();
  const end = new Date(start + wallSeconds * 1000);
  const scenario = scenarioAt(options, end);
  const deliveries: ScenarioAction[] = scenario.actions.map((item) => {
    if (!item.action.agent) return item;
    const agent = provisioned.agents.get(item.action.agent);
    const credential = item.via === "api" && agent?.tokenPrefix ? { credential: agent.tokenPrefix } : {};
    return { ...item, action: { ...item.action, agent: nameOf(item.action.agent), ...credential } };
  });
  const storyAgent = scenario.story ? nameOf(scenario.story.agent) : "";
  log(`${deliveries.length} actions over ${Math.round((end.getTime() - scenario.from.getTime()) / MINUTE)} simulated minutes${wallSeconds ? `, about ${Math.ceil(wallSeconds)} s of real time` : ""}`);

  const told = new Set<StoryBeat>();
  let lastProgress = 0;
  // A key that registers unknown agents must not outlive the run that needed it.
  const revokeOwnKey = async () => {
    if (!provisioned.createdIngestKeyId) return;
    await client.request(`/api/v1/ingest-keys/${provisioned.createdIngestKeyId}/revoke`, { body: {} });
    log(`ingest key "${provisioned.ingestKeyName}" revoked`);
  };
  const stats = await sendActions(client, deliveries, {
    ingestKey: provisioned.ingestKey,
    from: scenario.from.getTime(),
    start,
    speed: options.speed,
    mcpAgents: new Set(scenario.agents.filter(usesMcp).map((agent) => nameOf(agent.name))),
    onSent(items, progress) {
      for (const item of items) {
        if (!item.beat || told.has(item.beat) || !scenario.story) continue;
        told.add(item.beat);
        const line = beatLine(item.beat, storyAgent, scenario.story);
        if (line) log(`  ${clock(item.at)}  ▸ ${line}`);
      }
      if (Date.now() - lastProgress > 2000 || progress.sent === deliveries.length) {
        lastProgress = Date.now();
        const last = items.at(-1);
        log(`  ${last ? clock(last.at) : "--:--:--"}  ${progress.sent}/${deliveries.length} sent, ${progress.accepted} accepted${progress.rejected ? `, ${progress.rejected} rejected` : ""}`);
      }
    },
  }).catch(async (error: unknown) => {
    await revokeOwnKey().catch(() => {});
    throw error;
  });

  await revokeOwnKey();
  const forum = scenario.story ? provisioned.agents.get(scenario.story.agent) : undefined;
  const summary: RunSummary = {
    url: options.url,
    run: options.run,
    seed: options.seed,
    ingestKey: provisioned.ingestKeyName,
    agents: provisioned.agents.size,
    durationSeconds: (Date.now() - began) / 1000,
    actions: {
      ...stats,
      viaApi: deliveries.filter((item) => item.via === "api").length,
      viaOtlp: deliveries.filter((item) => item.via === "otlp").length,
    },
    rejections: stats.reasons,
    story:
      scenario.story && forum
        ? {
            agent: { id: forum.id, name: forum.name },
            postAt: scenario.story.postAt.toISOString(),
            wideningAt: scenario.story.wideningAt.toISOString(),
            revertAt: scenario.story.revertAt.toISOString(),
            exposedPeople: scenario.story.exposedPeople,
            exposureReads: scenario.story.exposureReads,
          }
        : null,
    alerts: await countAlerts(client),
    links: scenario.story && forum ? storyLinks(options.url, scenario.story, forum, end) : { timeline: `${options.url}/timeline` },
  };
  if (options.json) process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
  else printSummary(summary, (line) => process.stdout.write(`${line}\n`));
  if (stats.rejected) {
    log(`\n${stats.rejected} actions were refused; see the reasons above.`);
    return 1;
  }
  return 0;
}

async function main(): Promise<number> {
  let options: SimulateOptions | "help";
  try {
    options = parseSimulateOptions(process.argv.slice(2), process.env);
  } catch (error) {
    if (error instanceof UsageError) {
      log(`simulate: ${error.message}\n(npm run simulate -- --help lists the options.)`);
      return 2;
    }
    throw error;
  }
  if (options === "help") {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  try {
    return await simulate(options);
  } catch (error) {
    if (error instanceof SimulateError) {
      log(`simulate: ${error.message}`);
      return 1;
    }
    throw error;
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    log(`simulate: unexpected ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  },
);
