// How an audit entry is hashed. The content is serialized with sorted keys, because
// jsonb does not keep key order, and times as ISO strings, so the verifier computes
// the same bytes from what it reads back.
import { createHash } from "node:crypto";

export const GENESIS_HASH = "0".repeat(64);

export interface HashedContent {
  occurredAt: Date;
  actorType: string;
  actorId: string | null;
  actorLabel: string;
  action: string;
  targetType: string | null;
  targetId: string | null;
  ip: string | null;
  userAgent: string | null;
  before: unknown;
  after: unknown;
}

function canonical(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, item]) => item !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonical(item)}`).join(",")}}`;
}

export function entryHash(prevHash: string, content: HashedContent): string {
  // Only these fields, named one by one: a row read back carries id and hashes too.
  const body = canonical({
    occurredAt: content.occurredAt.toISOString(),
    actorType: content.actorType,
    actorId: content.actorId,
    actorLabel: content.actorLabel,
    action: content.action,
    targetType: content.targetType,
    targetId: content.targetId,
    ip: content.ip,
    userAgent: content.userAgent,
    before: content.before,
    after: content.after,
  });
  return createHash("sha256").update(prevHash).update("\n").update(body).digest("hex");
}
