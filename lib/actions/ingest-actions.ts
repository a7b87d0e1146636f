// Appends a batch of actions from an ingest key. Each item is validated on its own;
// the reply says per item whether it was accepted, a duplicate of one already stored
// (the sender's id makes retries harmless) or rejected, and why. Stored actions are
// announced to the live timeline when the transaction commits.
//
// Actions are data, not changes made by a person or a rule, so a batch writes no audit
// entry of its own; discovering an unregistered agent does, and so does every alert
// the detection rules raise on the batch (in the same transaction, so an action and
// the alert about it commit together). After the commit: the rate rule's counters and
// the circuit breaker (automatic declaration or containment) of any alert that calls for it.
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { agents } from "@/db/schema";
import { authorize } from "@/lib/auth/authorize";
import type { Caller } from "@/lib/auth/caller";
import { AppError, forbidden } from "@/lib/errors";
import { containsNul } from "@/lib/http/contains-nul";
import { type RaisedAlert, raiseAlerts } from "@/lib/alerts/raise-alerts";
import { respondToAlerts } from "@/lib/alerts/respond-to-alert";
import { publishActions } from "@/lib/live/publish-actions";
import type { ObservedAction } from "@/lib/rules/catalog";
import { checkActionRates } from "@/lib/rules/check-action-rates";
import { detectFirings } from "@/lib/rules/detect-firings";
import { type DetectionInputs, loadDetectionInputs } from "@/lib/rules/load-detection-inputs";
import { loadRulesCached } from "@/lib/rules/load-rules";
import { type ActionInput, actionInput, agentReference } from "./action-input";
import { insertActionRows, toActionRow } from "./insert-action-rows";
import { recordDiscoveredAgents, resolveAgents } from "./resolve-agents";

export const MAX_BATCH = 1000;

export type ItemResult =
  | { index: number; id: string; status: "accepted" | "duplicate" }
  | { index: number; id: string | null; status: "rejected"; reason: string };

export interface IngestResult {
  accepted: number;
  duplicates: number;
  rejected: number;
  results: ItemResult[];
}

function describeIssue(error: { issues: { path: PropertyKey[]; message: string }[] }): string {
  const issue = error.issues[0];
  if (!issue) return "invalid action";
  return issue.path.length ? `${issue.path.join(".")}: ${issue.message}` : issue.message;
}

export async function ingestActions(db: Db, caller: Caller, items: unknown[]): Promise<IngestResult> {
  authorize(caller, "actions:ingest");
  if (caller.type !== "ingest_key") throw forbidden("Actions are sent with an ingest key.");
  const results: ItemResult[] = [];
  const valid: { index: number; action: ActionInput }[] = [];
  const seen = new Set<string>();

  if (items.length > MAX_BATCH) {
    throw new AppError(413, "payload_too_large", `A batch holds at most ${MAX_BATCH} actions; send ${items.length} in several.`);
  }
  items.forEach((item, index) => {
    const parsed = actionInput.safeParse(item);
    const rawId = typeof (item as { id?: unknown })?.id === "string" ? ((item as { id: string }).id) : null;
    if (containsNul(item)) {
      results[index] = { index, id: rawId, status: "rejected", reason: "text may not contain NUL characters (\\u0000)" };
    } else if (!parsed.success) {
      results[index] = { index, id: rawId, status: "rejected", reason: describeIssue(parsed.error) };
    } else if (seen.has(parsed.data.id)) {
      results[index] = { index, id: parsed.data.id, status: "duplicate" };
    } else {
      seen.add(parsed.data.id);
      valid.push({ index, action: parsed.data });
    }
  });

  // Last sighting of each agent: the latest action it sent, never moved backwards.
  const latest = new Map<string, Date>();
  let observed: ObservedAction[] = [];
  let raised: RaisedAlert[] = [];
  let inputs: DetectionInputs | null = null;
  const rules = await loadRulesCached(db);
  await db.transaction(async (tx) => {
    const references = valid.map(({ action }) => agentReference(action)).filter((reference): reference is string => reference !== null);
    const { ids, unknown, contained, discovered, facts } = await resolveAgents(tx, caller, references);

    const rows = [];
    for (const { index, action } of valid) {
      const reference = agentReference(action);
      const agentId = reference ? ids.get(reference) : undefined;
      if (reference && !agentId) {
        results[index] = { index, id: action.id, status: "rejected", reason: unknown.get(reference) ?? "unknown agent" };
        continue;
      }
      rows.push({
        index,
        row: toActionRow(action, {
          ingestKeyId: caller.id,
          agentId: agentId ?? null,
          afterContainment: agentId ? action.occurredAt >= (contained.get(agentId) ?? new Date(8.64e15)) : false,
          // Arriving now, while the agent is contained: marked whatever time it claims.
          receivedAfterContainment: agentId ? contained.has(agentId) : false,
        }),
      });
    }

    const stored = await insertActionRows(tx, rows.map(({ row }) => row));
    const storedIds = new Map(stored.map((row) => [row.externalId, row.id]));
    for (const { index, row } of rows) {
      results[index] = { index, id: row.externalId, status: storedIds.has(row.externalId) ? "accepted" : "duplicate" };
    }

    for (const { row } of rows) {
      if (!row.agentId || !storedIds.has(row.externalId)) continue;
      const current = latest.get(row.agentId);
      if (!current || current < row.occurredAt) latest.set(row.agentId, row.occurredAt);
    }

    observed = rows.flatMap(({ row }) => {
      const id = storedIds.get(row.externalId);
      return id === undefined ? [] : [{ ...row, id }];
    });
    inputs = await loadDetectionInputs(tx, observed, { known: facts, rules });
    raised = await raiseAlerts(tx, detectFirings(observed, inputs));
    await recordDiscoveredAgents(tx, caller, discovered);
    // Last: it takes the stream-position lock, held until COMMIT.
    await publishActions(tx, stored.map((row) => row.id));
  });

  // After the commit, not inside it: the transaction may hold the audit chain's lock
  // (an agent was discovered), and waiting for an agent row under it could deadlock
  // with a containment that holds that row and waits for the audit lock.
  // One statement for every agent of the batch, in id order (rows locked in the same
  // order by every batch, so two batches never wait on each other in a circle).
  const sightings = [...latest].sort(([a], [b]) => a.localeCompare(b));
  if (sightings.length) {
    const values = sql.join(
      sightings.map(([agentId, seenAt]) => sql`(${agentId}::uuid, ${seenAt.toISOString()}::timestamptz)`),
      sql`, `,
    );
    await db.execute(sql`
      update ${agents} set last_seen_at = seen.at
      from (values ${values}) as seen(id, at)
      where ${agents.id} = seen.id and (${agents.lastSeenAt} is null or ${agents.lastSeenAt} < seen.at)`);
  }

  if (inputs) raised.push(...(await checkActionRates(db, observed, inputs)));
  await respondToAlerts(db, raised);

  const final = results.filter(Boolean);
  return {
    accepted: final.filter((result) => result.status === "accepted").length,
    duplicates: final.filter((result) => result.status === "duplicate").length,
    rejected: final.filter((result) => result.status === "rejected").length,
    results: final,
  };
}

