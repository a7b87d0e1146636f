// Demo data for a fresh installation, so the console shows a real company's shape
// on first start. It runs once, inside the installation transaction.
import type { Tx } from "@/db/client";
import { actions, agentTokens, agents, externalCredentials, ingestKeys, users } from "@/db/schema";
import { assessRisk } from "@/lib/agents/assess-risk";
import { recordAuditEntry } from "@/lib/audit/record-audit-entry";
import { systemCaller } from "@/lib/auth/caller";
import { mintSecret, secretPrefixes } from "@/lib/credentials/secret";
import { demoActions } from "./demo-actions";
import { demoAgents } from "./demo-agents";

// People without passwords: they sign in through single sign-on, or an admin sets a
// password for them in Settings. Demo data never ships a known password.
const demoPeople = [
  { email: "priya.raman@example.com", name: "Priya Raman", role: "responder" },
  { email: "marcus.webb@example.com", name: "Marcus Webb", role: "responder" },
  { email: "sam.okafor@example.com", name: "Sam Okafor", role: "viewer" },
  { email: "lena.fischer@example.com", name: "Lena Fischer", role: "viewer" },
] as const;

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export async function seedDemoData(tx: Tx): Promise<void> {
  await tx
    .insert(users)
    .values(demoPeople.map((person) => ({ ...person })))
    .onConflictDoNothing();

  const now = Date.now();
  const inserted = await tx
    .insert(agents)
    .values(
      demoAgents.map((agent, index) => {
        const { risk, reasons } = assessRisk(agent.scopes, agent.actsAs);
        const { external: _external, ...fields } = agent;
        return {
          ...fields,
          risk,
          riskReasons: reasons,
          createdAt: new Date(now - (90 - index) * DAY),
          lastSeenAt: agent.status === "retired" ? new Date(now - 40 * DAY) : new Date(now - ((index * 7) % 50) * 60_000),
        };
      }),
    )
    .returning({ id: agents.id, name: agents.name, status: agents.status, scopes: agents.scopes });

  // Tokens are minted and thrown away: only their hashes exist, so nobody can use them.
  const tokens = inserted.flatMap((agent, index) => {
    const live = agent.status === "active" ? 1 + (index % 3) : 0;
    const rows = Array.from({ length: live }, (_, n) => ({ agent, issuedAgo: (n + 1) * 6 * HOUR, lifetime: 7 * DAY, revoked: false }));
    rows.push({ agent, issuedAgo: 20 * DAY, lifetime: 7 * DAY, revoked: index % 4 === 0 });
    return rows.map(({ issuedAgo, lifetime, revoked }) => {
      const minted = mintSecret(secretPrefixes.agentToken);
      return {
        agentId: agent.id,
        prefix: minted.displayPrefix,
        tokenHash: minted.hash,
        scopes: agent.scopes,
        issuedAt: new Date(now - issuedAgo),
        expiresAt: new Date(now - issuedAgo + lifetime),
        lastUsedAt: agent.status === "active" ? new Date(now - (index % 9) * 60_000) : null,
        revokedAt: revoked ? new Date(now - 15 * DAY) : null,
        revokedBy: revoked ? "system:demo-data" : null,
        revokeReason: revoked ? "rotated after the quarterly review" : null,
      };
    });
  });
  await tx.insert(agentTokens).values(tokens);

  const byName = new Map(inserted.map((agent) => [agent.name, agent.id]));
  const credentials = demoAgents.flatMap((agent) =>
    (agent.external ?? []).map((credential) => ({
      agentId: byName.get(agent.name) ?? "",
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
  const [source] = await tx
    .insert(ingestKeys)
    .values({ name: "demo data", prefix: demoKey.displayPrefix, keyHash: demoKey.hash, revokedAt: new Date(now) })
    .returning({ id: ingestKeys.id });
  const history = demoActions();
  if (source) {
    await tx.insert(actions).values(
      history.map((action) => ({
        ingestKeyId: source.id,
        externalId: action.id,
        actorType: action.human ? ("human" as const) : ("agent" as const),
        agentId: action.agent ? (byName.get(action.agent) ?? null) : null,
        humanId: action.human ?? null,
        occurredAt: new Date(now - action.minutesAgo * 60_000),
        kind: action.kind,
        tool: action.tool ?? null,
        targetType: action.target?.type ?? null,
        targetId: action.target?.id ?? null,
        targetUri: action.target?.uri ?? null,
        sensitivity: action.target?.sensitivity ?? null,
        onBehalfOf: action.onBehalfOf ?? null,
        outcome: action.outcome,
        summary: action.summary,
      })),
    );
  }

  await recordAuditEntry(tx, systemCaller("demo-data"), {
    action: "demo.seeded",
    after: {
      people: demoPeople.length,
      agents: inserted.length,
      tokens: tokens.length,
      externalCredentials: credentials.length,
      actions: history.length,
    },
  });
}
