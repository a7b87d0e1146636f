// A contained agent's token was presented to a resource server: the check already
// said inactive, and the timeline should show that the agent is still trying (and the
// use-after-containment rule raises its alert on it).
import { randomBytes } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { actions, agentTokens, agents } from "@/db/schema";
import { INTERNAL_SOURCE_ID } from "@/lib/actions/internal-source";
import { type Caller, callerLabel } from "@/lib/auth/caller";
import { raiseAlerts } from "@/lib/alerts/raise-alerts";
import { respondToAlerts } from "@/lib/alerts/respond-to-alert";
import { publishActions } from "@/lib/live/publish-actions";
import { detectFirings } from "@/lib/rules/detect-firings";
import { loadDetectionInputs } from "@/lib/rules/load-detection-inputs";
import { loadRulesCached } from "@/lib/rules/load-rules";

/** One record per token per interval: a contained agent retrying in a loop is one line a moment, not a flood. */
const RECORD_INTERVAL_MS = 10_000;
const recent = globalThis as typeof globalThis & { __tourniquetContainedUses?: Map<string, number> };

export async function recordContainedTokenUse(db: Db, caller: Caller, tokenHash: string): Promise<void> {
  const seen = (recent.__tourniquetContainedUses ??= new Map());
  const now = Date.now();
  if (now - (seen.get(tokenHash) ?? 0) < RECORD_INTERVAL_MS) return;
  seen.set(tokenHash, now);
  if (seen.size > 10_000) for (const [hash, at] of seen) if (now - at >= RECORD_INTERVAL_MS) seen.delete(hash);
  const [token] = await db
    .select({ id: agentTokens.id, prefix: agentTokens.prefix, agentId: agentTokens.agentId })
    .from(agentTokens)
    .innerJoin(agents, eq(agents.id, agentTokens.agentId))
    .where(and(eq(agentTokens.tokenHash, tokenHash), eq(agents.status, "suspended")))
    .limit(1);
  if (!token) return;
  const rules = await loadRulesCached(db);
  const raised = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(actions)
      .values({
        ingestKeyId: INTERNAL_SOURCE_ID,
        externalId: `token-check:${token.id}:${Date.now()}:${randomBytes(4).toString("hex")}`,
        agentId: token.agentId,
        occurredAt: new Date(),
        kind: "login",
        tool: "oauth.introspect",
        credential: `${token.prefix}…`,
        outcome: "denied",
        summary: `Token ${token.prefix}… presented to ${callerLabel(caller)} after containment`,
        afterContainment: true,
        receivedAfterContainment: true,
      })
      .returning();
    if (!row) return [];
    const alerts = await raiseAlerts(tx, detectFirings([row], await loadDetectionInputs(tx, [row], { rules })));
    // Last: it takes the stream-position lock, held until COMMIT.
    await publishActions(tx, [row.id]);
    return alerts;
  });
  await respondToAlerts(db, raised);
}
