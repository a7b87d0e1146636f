// Finds the agents a batch names, by id, by name (any case) or by an external id. Unknown names become
// `unregistered` agents when the ingest key allows it: a shadow agent then shows up
// in the inventory instead of vanishing from the record.
import { and, eq, inArray, isNull, or, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { agents, containments } from "@/db/schema";
import { recordAuditEntry } from "@/lib/audit/record-audit-entry";
import type { IngestKeyCaller } from "@/lib/auth/caller";
import type { AgentFacts } from "@/lib/rules/catalog";
import { isUuid } from "@/lib/http/is-uuid";

const NAME_PATTERN = /^[\p{L}\p{N}][\p{L}\p{N} ._-]{0,79}$/u;

export interface ResolvedAgents {
  /** Reference as sent → agent id. */
  ids: Map<string, string>;
  /**
   * Contained agents and when their containment began: what they did from then on is
   * an attempt after containment; what they did before and report late is not.
   */
  contained: Map<string, Date>;
  /** References that stay unknown, with the reason to give the sender. */
  unknown: Map<string, string>;
  /** Agents this batch registered as `unregistered`: the caller writes their audit entries last. */
  discovered: { id: string; name: string }[];
  /** What the rules need to know of every agent found, by id. */
  facts: Map<string, AgentFacts>;
}

async function lookUp(tx: Tx, references: string[], contained = new Map<string, Date>(), facts = new Map<string, AgentFacts>()): Promise<Map<string, string>> {
  const uuids = references.filter(isUuid);
  const names = references.map((reference) => reference.toLowerCase());
  const rows = await tx
    .select({
      id: agents.id,
      name: agents.name,
      externalIds: agents.externalIds,
      status: agents.status,
      scopes: agents.scopes,
      environment: agents.environment,
      containedSince: containments.startedAt,
    })
    .from(agents)
    .leftJoin(containments, and(eq(containments.agentId, agents.id), isNull(containments.releasedAt)))
    .where(
      or(
        uuids.length ? inArray(agents.id, uuids) : undefined,
        inArray(sql`lower(${agents.name})`, names),
        // Ids other systems know the agent by (OTLP gen_ai.agent.id).
        sql`${agents.externalIds} && ${sql.param(references)}::text[]`,
      ),
    );
  const found = new Map<string, string>();
  for (const reference of references) {
    const match =
      rows.find((row) => row.id === reference || row.name.toLowerCase() === reference.toLowerCase()) ??
      rows.find((row) => row.externalIds.includes(reference));
    if (match) {
      found.set(reference, match.id);
      facts.set(match.id, { id: match.id, name: match.name, status: match.status, scopes: match.scopes, environment: match.environment });
    }
    // Suspended without a containment record (set by hand before the kill switch existed): since always.
    if (match?.status === "suspended") contained.set(match.id, match.containedSince ?? new Date(0));
  }
  return found;
}

export async function resolveAgents(tx: Tx, caller: IngestKeyCaller, references: string[]): Promise<ResolvedAgents> {
  const distinct = [...new Set(references)];
  const contained = new Map<string, Date>();
  const facts = new Map<string, AgentFacts>();
  const ids = distinct.length ? await lookUp(tx, distinct, contained, facts) : new Map<string, string>();
  const unknown = new Map<string, string>();
  const discovered: { id: string; name: string }[] = [];
  // A key bound to named agents speaks for them only: one leaked collector key cannot
  // put words in every agent's mouth.
  if (caller.agentIds) {
    const allowed = new Set(caller.agentIds);
    for (const reference of distinct) {
      const id = ids.get(reference);
      if (id && allowed.has(id)) continue;
      ids.delete(reference);
      unknown.set(reference, `the ingest key "${caller.name}" may only send actions for the agents it is bound to; "${reference}" is not one of them`);
    }
    return { ids, unknown, contained, discovered, facts };
  }
  const missing = distinct.filter((reference) => !ids.has(reference));
  if (missing.length === 0) return { ids, unknown, contained, discovered, facts };

  if (caller.unknownAgents !== "register") {
    for (const reference of missing) {
      unknown.set(reference, `unknown agent "${reference}": register it first, or let this ingest key register unknown agents`);
    }
    return { ids, unknown, contained, discovered, facts };
  }

  // Sorted, so two batches discovering the same names insert them in the same order
  // and never wait on each other's unique-index entries in a circle.
  const registrable = missing.filter((reference) => !isUuid(reference) && NAME_PATTERN.test(reference)).sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase()));
  for (const reference of missing.filter((item) => !registrable.includes(item))) {
    unknown.set(reference, `unknown agent "${reference}": only a name can register a new agent`);
  }
  if (registrable.length) {
    // Two batches may discover the same agent at once: the unique name index keeps one.
    const created = await tx
      .insert(agents)
      .values(
        registrable.map((name) => ({
          name,
          owner: "unknown (unregistered)",
          status: "unregistered" as const,
          risk: "high" as const,
          riskReasons: ["unregistered agent: nobody is accountable for it"],
          description: `First seen in actions sent with the ingest key "${caller.name}".`,
        })),
      )
      .onConflictDoNothing()
      .returning({ id: agents.id, name: agents.name });
    discovered.push(...created);
    for (const [reference, id] of await lookUp(tx, registrable, contained, facts)) ids.set(reference, id);
  }
  return { ids, unknown, contained, discovered, facts };
}

/** The audit entries for discovered agents; written last in the ingest transaction. */
export async function recordDiscoveredAgents(tx: Tx, caller: IngestKeyCaller, discovered: { id: string; name: string }[]): Promise<void> {
  for (const agent of discovered) {
    await recordAuditEntry(tx, caller, {
      action: "agent.discovered",
      target: { type: "agent", id: agent.id },
      after: { name: agent.name, status: "unregistered" },
    });
  }
}
