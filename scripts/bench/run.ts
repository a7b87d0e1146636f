// One bench run, start to end: own database, bulk fill, a real production server,
// set-up through the public API, then each measurement in turn (each in its own
// module), the table, and bench-results.json. Whatever happens, the server is stopped
// and the bench database or data folder is removed.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createBenchDatabase, databaseVersion } from "./database";
import { analyzeActions, createFillFixtures, fillActions } from "./fill";
import { HttpClient } from "./http";
import { measureContainment } from "./measure-containment";
import { measureGateway } from "./measure-gateway";
import { measureIngest } from "./measure-ingest";
import { measureIntrospection } from "./measure-introspection";
import { measureIntrospectionBesideReports } from "./measure-introspection-beside-reports";
import { measureTokenEndpoint } from "./measure-token-endpoint";
import { measureLive } from "./measure-live";
import { measureReports } from "./measure-reports";
import { type DirectTimings, type TimelineQuery, timeApi, timeDirect, timelineFigures, timelineQueries } from "./measure-timeline";
import type { BenchStep, Options } from "./options";
import { sizesFor } from "./options";
import { type Figure, formatTable, machineInfo, writeResults } from "./results";
import { type RunningServer, freePort, startServer } from "./server";
import { adminApi, createAgents, createIngestKey, createResourceServers, issueTokens } from "./setup";

const log = (line: string) => console.log(line);
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const rowsLabel = (rows: number) => (rows >= 1_000_000 ? `${rows / 1_000_000}M` : rows >= 1000 ? `${rows / 1000}k` : String(rows));

export async function runBench(options: Options): Promise<void> {
  const started = performance.now();
  const loadAtStart = os.loadavg();
  const phases: Record<string, number> = {};
  const phase = async <T>(name: string, work: () => Promise<T>): Promise<T> => {
    log(`\n▸ ${name}`);
    const begun = performance.now();
    try {
      return await work();
    } finally {
      phases[name] = Math.round(performance.now() - begun) / 1000;
      log(`  (${seconds(performance.now() - begun)})`);
    }
  };

  const wants = (step: BenchStep) => !options.only || options.only.has(step);
  const database = await createBenchDatabase(options.databaseUrl);
  const sizes = sizesFor(options.quick, database.kind);
  log(`Tourniquet bench (${options.quick ? "quick: a hundredth of the sizes" : "full"}) on ${database.description}`);
  const figures: Figure[] = [];
  const notes: string[] = [];
  let server: RunningServer | undefined;
  let client: HttpClient | undefined;
  let cleanedUp = false;
  const cleanUp = async () => {
    if (cleanedUp) return;
    cleanedUp = true;
    client?.close();
    await server?.stop().catch(() => {});
    await database.destroy().catch((error: unknown) => log(`could not remove the bench database: ${String(error)}`));
  };
  const onSignal = () => void cleanUp().finally(() => process.exit(130));
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);

  let version = "unknown";
  try {
    // 1. Bulk fill, straight into the database before the server starts (on PGlite
    // this is the only time another process may open the folder).
    const reportSpanMs = 2 * 60 * 60 * 1000;
    const newest = new Date(Date.now() - 60_000);
    const reportStepMs = reportSpanMs / sizes.reportActions;
    const firstRows = sizes.timelineRows[0] as number;
    const fill = await phase(`fill ${firstRows.toLocaleString("en-US")} timeline actions + ${sizes.reportActions.toLocaleString("en-US")} report actions (server-side SQL)`, async () => {
      const direct = await database.openDirect(2);
      try {
        version = await databaseVersion(direct);
        const fixtures = await createFillFixtures(direct, sizes.fillAgents);
        const chunk = database.kind === "postgres" ? 500_000 : 100_000;
        await fillActions(direct, fixtures.ingestKeyId, { prefix: "fill-", agentIds: fixtures.agentIds, newest, stepMs: 250, first: 1, last: firstRows, humans: true }, chunk, (done, total) =>
          log(`  ${done.toLocaleString("en-US")} / ${total.toLocaleString("en-US")} rows`),
        );
        await fillActions(direct, fixtures.ingestKeyId, { prefix: "report-", agentIds: [fixtures.reportAgentId], newest, stepMs: reportStepMs, first: 0, last: sizes.reportActions - 1, humans: false }, chunk);
        await analyzeActions(direct);
        // PGlite: the timeline's direct baseline must run now, while no server holds the folder.
        let timeline: { queries: TimelineQuery[]; direct: DirectTimings } | undefined;
        if (direct.kind === "pglite") {
          const queries = await timelineQueries(direct, fixtures.agentIds[0] as string);
          timeline = { queries, direct: await timeDirect(direct, queries, sizes.timelineRepeats) };
        }
        return { fixtures, timeline };
      } finally {
        await direct.close();
      }
    });

    // 2. The server, as `npm start` runs it.
    const buildId = path.resolve(".next/BUILD_ID");
    const buildBefore = fs.statSync(buildId, { throwIfNoEntry: false })?.mtimeMs;
    server = await phase("start the server (npm start: build if stale, migrate, first admin)", async () => {
      const port = await freePort(...options.portRange);
      return startServer({ port, env: database.serverEnv, log });
    });
    const built = fs.statSync(buildId, { throwIfNoEntry: false })?.mtimeMs !== buildBefore;
    log(`  ${server.baseUrl}, serving process ${server.pid}, healthy after ${seconds(server.startMs)}${built ? " (built the console first)" : ""}`);
    client = new HttpClient(server.baseUrl, 64);
    const http = client;
    const running = server;

    const { admin, ingestKey, resourceServers, ingestAgents } = await phase("set up through the API", async () => {
      const admin = await adminApi(http);
      return {
        admin,
        ingestKey: await createIngestKey(admin, "npm run bench"),
        resourceServers: await createResourceServers(admin, sizes.introspectionConcurrency + 2, "checks"),
        ingestAgents: await createAgents(admin, "bench-ingest", 20),
      };
    });

    // 3. Timeline at the first size, right after start, before other phases add rows.
    const timelineAt = async (rows: number, targeted: boolean, prepared?: { queries: TimelineQuery[]; direct: DirectTimings }) => {
      let measured = prepared;
      if (!measured) {
        const direct = await database.openDirect(1);
        try {
          const queries = await timelineQueries(direct, fill.fixtures.agentIds[0] as string);
          measured = { queries, direct: await timeDirect(direct, queries, sizes.timelineRepeats) };
        } finally {
          await direct.close();
        }
      }
      const api = await timeApi(admin, measured.queries, sizes.timelineRepeats);
      figures.push(...timelineFigures(rowsLabel(rows), measured.queries, measured.direct, api, targeted));
    };
    const lastSize = sizes.timelineRows.length - 1;
    if (wants("timeline")) await phase(`timeline at ${rowsLabel(firstRows)} actions`, () => timelineAt(firstRows, lastSize === 0, fill.timeline));
    if (database.kind === "pglite") {
      notes.push(`PGlite is capped at ${rowsLabel(firstRows)} timeline actions (the 10M target is for PostgreSQL); its direct baseline ran in the bench process before the server opened the folder.`);
    }

    // 4. Ingest.
    const ingestFigures = !wants("ingest") ? [] : await phase("ingest", () =>
      measureIngest({
        client: http,
        ingestKey,
        agents: ingestAgents,
        postgresDirect: database.kind === "postgres" ? () => database.openDirect(sizes.ingestSenders) : undefined,
        total: sizes.ingestActions,
        batch: sizes.ingestBatch,
        senders: sizes.ingestSenders,
        log,
      }),
    );
    figures.push(...ingestFigures);

    // 5. Token checks.
    if (wants("token-checks")) await phase("token checks", async () => {
      const [agent] = await createAgents(admin, "bench-introspect", 1);
      const tokens = await issueTokens(admin, agent!.id, options.quick ? 10 : 50, 4);
      figures.push(
        ...(await measureIntrospection({
          client: http,
          resourceServers: resourceServers.slice(0, sizes.introspectionConcurrency),
          tokens,
          requests: sizes.introspectionRequests,
          concurrency: sizes.introspectionConcurrency,
          log,
        })),
      );
    });

    // 5b. The OAuth token endpoint (client_credentials).
    if (wants("token-endpoint")) await phase("token endpoint", async () => {
      const [agent] = await createAgents(admin, "bench-oauth", 1);
      const client = await admin.post<{ clientId: string; clientSecret: string }>(`/api/v1/agents/${agent!.id}/oauth-clients`, { authMethod: "client_secret_basic" });
      figures.push(
        ...(await measureTokenEndpoint({
          client: http,
          basic: `Basic ${Buffer.from(`${client.clientId}:${client.clientSecret}`).toString("base64")}`,
          requests: options.quick ? 200 : 2000,
          concurrency: sizes.introspectionConcurrency,
          log,
        })),
      );
    });

    // 5c. The MCP gateway's added latency.
    if (wants("gateway")) await phase("MCP gateway", async () => {
      const [agent] = await createAgents(admin, "bench-gateway", 1);
      const [agentToken] = await issueTokens(admin, agent!.id, 1, 1);
      figures.push(...(await measureGateway({ admin, baseUrl: running.baseUrl, agentToken: agentToken!, calls: options.quick ? 200 : 2000, log })));
    });

    // 6. Containment under full ingest.
    if (wants("containment")) await phase("containment under load", async () => {
      const agents = await createAgents(admin, "bench-contain", sizes.containAgents + sizes.idleContainAgents);
      const issuing = performance.now();
      const targets = [];
      for (const agent of agents) targets.push({ agent, tokens: await issueTokens(admin, agent.id, sizes.tokensPerAgent, 8) });
      const issued = agents.length * sizes.tokensPerAgent;
      log(`  issued ${issued.toLocaleString("en-US")} tokens through the API in ${seconds(performance.now() - issuing)}`);
      phases["token issuance (part of containment set-up)"] = Math.round(performance.now() - issuing) / 1000;
      const loadClient = new HttpClient(running.baseUrl, sizes.ingestSenders);
      try {
        figures.push(
          ...(await measureContainment({
            client: http,
            loadClient,
            admin,
            baseUrl: running.baseUrl,
            ingestKey: ingestKey.key,
            loadAgents: ingestAgents,
            idleTargets: targets.slice(0, sizes.idleContainAgents),
            targets: targets.slice(sizes.idleContainAgents),
            resourceServers: resourceServers.slice(sizes.introspectionConcurrency),
            batch: sizes.ingestBatch,
            senders: sizes.ingestSenders,
            ingestRate: ingestFigures[0]?.value ?? Number.NaN,
            log,
          })),
        );
      } finally {
        loadClient.close();
      }
    });

    // 7. Live stream on an idle server.
    if (wants("live")) await phase("live stream", async () => {
      figures.push(...(await measureLive({ client: http, admin, baseUrl: running.baseUrl, ingestKey: ingestKey.key, agent: ingestAgents[0]!, samples: sizes.liveSamples, log })));
    });

    // 8. Reports of an incident over the report agent's actions.
    let reportIncidentId = "";
    if (wants("reports")) await phase("reports", async () => {
      const windowStart = new Date(newest.getTime() - reportSpanMs - 60_000);
      const tenthStart = new Date(newest.getTime() - (sizes.reportActions / 10 - 0.5) * reportStepMs);
      const declare = (title: string, startedAt: Date) =>
        admin.post<{ id: string }>("/api/v1/incidents", { title, severity: "SEV2", agentIds: [fill.fixtures.reportAgentId], startedAt: startedAt.toISOString() });
      const incident = await declare("Bench: report of the full window", windowStart);
      reportIncidentId = incident.id;
      const tenth = await declare("Bench: report of the last tenth", tenthStart);
      figures.push(
        ...(await measureReports({
          client: http,
          admin,
          serverPid: running.pid,
          incidentId: incident.id,
          tenthIncidentId: tenth.id,
          actions: sizes.reportActions,
          postgresUrl: database.url,
          reportAgentId: fill.fixtures.reportAgentId,
          windowStart,
          log,
        })),
      );
    });

    // 8b. Token checks while a PDF, a CSV and a Markdown report of that incident render.
    if (wants("reports")) await phase("token checks beside reports", async () => {
      if (!reportIncidentId) throw new Error("the report incident is missing");
      const [agent] = await createAgents(admin, "bench-beside-reports", 1);
      const [token] = await issueTokens(admin, agent!.id, 1, 1);
      figures.push(
        ...(await measureIntrospectionBesideReports({
          client: http,
          admin,
          incidentId: reportIncidentId,
          server: resourceServers[resourceServers.length - 1]!,
          token: token!,
          samples: options.quick ? 50 : 300,
          log,
        })),
      );
    });

    // 9. The timeline at ten million (PostgreSQL): fill the rest, then measure again.
    const nextRows = sizes.timelineRows[1];
    if (nextRows !== undefined && !wants("ten-million")) {
      notes.push(`--only: the timeline was not measured at ${rowsLabel(nextRows)} actions.`);
    } else if (nextRows !== undefined && options.skipTenMillion) {
      notes.push(`--skip-10m: the timeline was not measured at ${rowsLabel(nextRows)} actions.`);
    } else if (nextRows !== undefined) {
      await phase(`fill to ${rowsLabel(nextRows)} timeline actions (server-side SQL, server running)`, async () => {
        const direct = await database.openDirect(1);
        try {
          const begun = performance.now();
          await fillActions(direct, fill.fixtures.ingestKeyId, { prefix: "fill-", agentIds: fill.fixtures.agentIds, newest, stepMs: 250, first: firstRows + 1, last: nextRows, humans: true }, 500_000, (done, total) => {
            const elapsed = performance.now() - begun;
            log(`  ${done.toLocaleString("en-US")} / ${total.toLocaleString("en-US")} rows, ${seconds(elapsed)}, about ${seconds((elapsed / done) * (total - done))} left`);
          });
          await analyzeActions(direct);
        } finally {
          await direct.close();
        }
      });
      await phase(`timeline at ${rowsLabel(nextRows)} actions`, () => timelineAt(nextRows, true));
    }
  } finally {
    const stopping = performance.now();
    await cleanUp();
    phases["stop the server and drop the bench database"] = Math.round(performance.now() - stopping) / 1000;
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  }

  const totalSeconds = Math.round(performance.now() - started) / 1000;
  const machine = machineInfo({ kind: database.kind, version, description: database.description }, loadAtStart);
  log(`\nTourniquet bench, ${options.quick ? "quick" : "full"} run, ${machine.date}`);
  log(`${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGb} GB, Node ${machine.node}, ${database.kind} (${version.split(" on ")[0]}), load at start ${machine.loadAverageAtStart.join(" ")}`);
  log(`\n${formatTable(figures)}\n`);
  for (const item of figures) for (const note of item.notes ?? []) log(`  ${item.label}: ${note}`);
  for (const note of notes) log(`  note: ${note}`);
  if (options.quick) log("  note: a quick run measures a hundredth of the sizes; its pass/miss column is a smoke check, not the targets' verdict.");
  const missed = figures.filter((item) => item.target.pass === false);
  log(`\n${figures.filter((item) => item.target.pass === true).length} targets met, ${missed.length} missed; total ${seconds(totalSeconds * 1000)}.`);
  const file = writeResults(options.output, { mode: options.quick ? "quick" : "full", machine, sizes, totalSeconds, phases, figures, notes });
  log(`Results: ${file}`);
}
