// Test fixtures for detection: alerts of a rule, and a batch that must be accepted whole.
import { and, eq } from "drizzle-orm";
import { expect } from "vitest";
import type { Db } from "@/db/client";
import { alerts } from "@/db/schema";
import { ingestActions } from "@/lib/actions/ingest-actions";
import type { IngestKeyCaller } from "@/lib/auth/caller";
import type { RuleKey } from "@/lib/rules/vocabulary";

export function alertsOf(db: Db, rule: RuleKey, agentId?: string) {
  return db
    .select()
    .from(alerts)
    .where(and(eq(alerts.ruleKey, rule), agentId ? eq(alerts.agentId, agentId) : undefined));
}

/** Ingests the actions through the real verb; every one must be accepted. */
export async function sendAccepted(db: Db, source: IngestKeyCaller, items: Record<string, unknown>[]) {
  const result = await ingestActions(db, source, items);
  expect(result.rejected, JSON.stringify(result.results)).toBe(0);
  return result;
}
