// Demo data for a fresh installation: a finished run of the scenario `npm run simulate`
// plays live (lib/demo/scenario.ts), so the console opens on a real company's last
// day and on the March 2026 case, responded to. It runs once, inside the installation
// transaction, and replays the story in order: the actions up to the containment,
// the response, then what came after.
import { and, eq, inArray } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { actions, agentTokens, agents, externalCredentials, ingestKeys, users } from "@/db/schema";
import { assessRisk } from "@/lib/agents/assess-risk";
import { recordAuditEntry } from "@/lib/audit/record-audit-entry";
import { systemCaller } from "@/lib/auth/caller";
import { mintSecret, secretPrefixes } from "@/lib/credentials/secret";
import { usesMcp } from "./company";
import { generateScenario } from "./scenario";
import type { ScenarioAction } from "./scenario-types";
import { detectDemoAlerts } from "./detect-demo-alerts";
import { seedDemoIncident } from "./seed-demo-incident";
import { type DemoSource, storeDemoActions } from "./store-demo-actions";

// People without passwords: they sign in through single sign-on, or an admin sets a
// password for them in Settings. Demo data never ships a known password.
const demoPeople = [
  { email: "priya.raman@example.com", name: "Priya Raman", role: "responder" },
  { email: "marcus.webb@example.com", name: "Marcus Webb", role: "responder" },
  { email: "ines.moreau@example.com", name: "Ines Moreau", role: "responder" },
  { email: "sam.okafor@example.com", name: "Sam Okafor", role: "viewer" },
  { email: "lena.fischer@example.com", name: "Lena Fischer", role: "viewer" },
] as const;

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export async function seedDemoData(tx: Tx): Promise<void> {
  const now = Date.now();
  // The case happened eight hours before the first start: a simulator run then plays
  // its own copy of the story in the last three hours, and the two windows do not meet.
  // Half the simulator's routine work keeps a fresh start quick (about 1,400 actions).
  const scenario = generateScenario({ end: new Date(now), postAt: new Date(now - 8 * HOUR), hours: 24, size: "normal", activity: 0.5, idPrefix: "demo" });
  const { response, story } = scenario;
  const everything = [...scenario.actions, ...(response?.attemptsAfterContainment ?? [])];
  const lastSeen = new Map<string, number>();
  for (const { action, at } of everything) if (action.agent) lastSeen.set(action.agent, Math.max(at, lastSeen.get(action.agent) ?? 0));
  /** An agent's last action up to a moment: when its token was last used. */
  const lastUse = (agent: string, until: number) =>
    everything.reduce((latest, { action, at }) => (action.agent === agent && at <= until && at > latest ? at : latest), 0) || undefined;

  await tx
    .insert(users)
    .values(demoPeople.map((person) => ({ ...person })))
    .onConflictDoNothing();

  const registered = scenario.agents.filter((agent) => !agent.unregistered);
  const shadow = scenario.agents.filter((agent) => agent.unregistered);
  const inserted = await tx
    .insert(agents)
    .values([
      ...registered.map((agent, index) => {
        const { risk, reasons } = assessRisk(agent.scopes, agent.actsAs);
        const { external: _external, reportsVia: _reportsVia, unregistered: _unregistered, ...fields } = agent;
        const seen = lastSeen.get(agent.name);
        return {
          ...fields,
          risk,
          riskReasons: reasons,
          createdAt: new Date(now - (90 - index) * DAY),
          lastSeenAt: seen ? new Date(seen) : agent.status === "retired" ? new Date(now - 40 * DAY) : new Date(now - ((index * 7) % 50) * 60_000),
        };
      }),
      // As resolveAgents registers an agent first seen in an ingest key's actions.
      ...shadow.map((agent) => ({
        name: agent.name,
        owner: "unknown (unregistered)",
        status: "unregistered" as const,
        risk: "high" as const,
        riskReasons: ["unregistered agent: nobody is accountable for it"],
        description: `First seen in actions sent with the ingest key "demo data". ${agent.description}`,
        createdAt: new Date(scenario.actions.find((item) => item.action.agent === agent.name)?.at ?? now),
        lastSeenAt: lastSeen.has(agent.name) ? new Date(lastSeen.get(agent.name) ?? now) : null,
      })),
    ])
    .returning({ id: agents.id, name: agents.name, status: agents.status, scopes: agents.scopes });
  const agentIds = new Map(inserted.map((agent) => [agent.name, agent.id]));

  // Tokens are minted and thrown away: only their hashes exist, so nobody can use them.
  // The story's agent got its tokens before it was contained; the containment revokes them.
  const containedAt = response?.containedAt.getTime() ?? Number.POSITIVE_INFINITY;
  const tokens = inserted
    .filter((agent) => agent.status !== "unregistered")
    .flatMap((agent, index) => {
      const isStoryAgent = agent.name === story?.agent;
      const anchor = isStoryAgent ? Math.min(now, containedAt) : now;
      const live = agent.status !== "active" ? 0 : isStoryAgent ? 2 : 1 + (index % 3);
      const rows = Array.from({ length: live }, (_, n) => ({ issuedAgo: (n + 1) * 6 * HOUR, lifetime: 7 * DAY, revoked: false }));
      rows.push({ issuedAgo: 20 * DAY, lifetime: 7 * DAY, revoked: index % 4 === 0 });
      const seen = lastUse(agent.name, anchor);
      return rows.map(({ issuedAgo, lifetime, revoked }) => {
        const minted = mintSecret(secretPrefixes.agentToken);
        const issuedAt = anchor - issuedAgo;
        return {
          agentId: agent.id,
          prefix: minted.displayPrefix,
          tokenHash: minted.hash,
          scopes: agent.scopes,
          issuedAt: new Date(issuedAt),
          expiresAt: new Date(issuedAt + lifetime),
          lastUsedAt: seen && seen >= issuedAt && seen <= issuedAt + lifetime ? new Date(seen) : null,
          revokedAt: revoked ? new Date(now - 15 * DAY) : null,
          revokedBy: revoked ? "system:demo-data" : null,
          revokeReason: revoked ? "rotated after the quarterly review" : null,
        };
      });
    });
  await tx.insert(agentTokens).values(tokens);
  // An agent's action names the newest of its tokens issued by then.
  const tokensOf = new Map<string, typeof tokens>();
  for (const token of [...tokens].sort((a, b) => b.issuedAt.getTime() - a.issuedAt.getTime())) {
    tokensOf.set(token.agentId, [...(tokensOf.get(token.agentId) ?? []), token]);
  }

  const credentials = registered.flatMap((agent) =>
    (agent.external ?? []).map((credential) => ({
      agentId: agentIds.get(agent.name) ?? "",
      system: credential.system,
      identifier: credential.identifier,
      scopes: credential.scopes,
      expiresAt: credential.days ? new Date(now + credential.days * DAY) : null,
      revocableByConnector: credential.revocable,
    })),
  );
  if (credentials.length) await tx.insert(externalCredentials).values(credentials);

  // Demo actions are attributed to a revoked ingest key whose secret nobody has.
  const demoKey = mintSecret(secretPrefixes.ingestKey);
  const [key] = await tx
    .insert(ingestKeys)
    .values({ name: "demo data", prefix: demoKey.displayPrefix, keyHash: demoKey.hash, unknownAgents: "register", createdAt: scenario.from, lastUsedAt: new Date(now), revokedAt: new Date(now) })
    .returning({ id: ingestKeys.id });
  if (!key) throw new Error("insert returned no row");
  const source: DemoSource = {
    caller: { type: "ingest_key", id: key.id, name: "demo data", unknownAgents: "register" },
    agentIds,
    mcpAgents: new Set(scenario.agents.filter(usesMcp).map((agent) => agent.name)),
    credentialOf(agentName: string, at: Date) {
      const agentId = agentIds.get(agentName);
      return (agentId ? tokensOf.get(agentId) : undefined)?.find((token) => token.issuedAt <= at)?.prefix;
    },
  };

  // The replay (see the TODO(rules) in store-demo-actions.ts): up to the containment,
  // the response, then the rest, so after-containment is what the ingest verb would say.
  const before = scenario.actions.filter((item) => item.at < containedAt);
  const after: ScenarioAction[] = [...scenario.actions.filter((item) => item.at >= containedAt), ...(response?.attemptsAfterContainment ?? [])].sort(
    (a, b) => a.at - b.at,
  );
  await storeDemoActions(tx, source, before, new Set());
  let incident = null;
  const storyAgentId = story ? agentIds.get(story.agent) : undefined;
  if (response && story && storyAgentId) {
    const [commander] = await tx.select({ id: users.id }).from(users).where(eq(users.email, response.commander));
    const evidence = scenario.actions.filter((item) => item.beat && response.pinned.includes(item.beat)).map((item) => item.action.id);
    const pinned = await tx
      .select({ id: actions.id })
      .from(actions)
      .where(and(eq(actions.ingestKeyId, key.id), inArray(actions.externalId, evidence)));
    incident = await seedDemoIncident(tx, response, { id: storyAgentId, name: story.agent }, commander?.id ?? null, pinned.map((row) => row.id));
  }
  await storeDemoActions(tx, source, after, new Set(storyAgentId && response ? [storyAgentId] : []));
  const alerts = await detectDemoAlerts(tx, key.id, incident && response && storyAgentId ? { incidentId: incident.incidentId, agentId: storyAgentId, by: response.commander, at: response.declaredAt } : null);

  await recordAuditEntry(tx, systemCaller("demo-data"), {
    action: "demo.seeded",
    after: {
      people: demoPeople.length,
      agents: inserted.length,
      tokens: tokens.length,
      externalCredentials: credentials.length,
      actions: before.length + after.length,
      scenario: { seed: scenario.seed, from: scenario.from.toISOString(), to: scenario.to.toISOString() },
      incidents: incident ? 1 : 0,
      alerts,
      containments: incident ? 1 : 0,
    },
  });
}
