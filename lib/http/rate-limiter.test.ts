import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Database, openDatabase } from "@/db/client";
import { createTestDatabase, type TestDatabase } from "@/db/testing/test-database";
import { rateLimit } from "./rate-limiter";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.close());

describe("rateLimit", () => {
  it("allows the limit per key and window, then blocks that key only", async () => {
    const limit = rateLimit({ name: "test-basic", limit: 3, windowMs: 60_000 });
    const taken = [];
    for (let i = 0; i < 3; i++) taken.push(await limit.take(t.db, "a"));
    expect(taken).toEqual([true, true, true]);
    expect(await limit.blocked(t.db, "a")).toBe(true);
    expect(await limit.take(t.db, "a")).toBe(false);
    expect(await limit.retryAfter(t.db, "a")).toBeGreaterThan(0);
    expect(await limit.take(t.db, "b")).toBe(true);
    expect(await limit.blocked(t.db, "b")).toBe(false);
    await limit.reset(t.db, "a");
    expect(await limit.take(t.db, "a")).toBe(true);
  });

  it("counts concurrent attempts exactly: of 40 at once, 10 pass", async () => {
    const limit = rateLimit({ name: "test-concurrent", limit: 10, windowMs: 60_000 });
    const results = await Promise.all(Array.from({ length: 40 }, () => limit.take(t.db, "one-account")));
    expect(results.filter(Boolean)).toHaveLength(10);
  });

  it("opens again when the window has passed", async () => {
    const limit = rateLimit({ name: "test-window", limit: 1, windowMs: 1000 });
    expect(await limit.take(t.db, "k")).toBe(true);
    expect(await limit.take(t.db, "k")).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect(await limit.take(t.db, "k")).toBe(true);
  });

  it("stores no key in clear", async () => {
    const limit = rateLimit({ name: "test-hash", limit: 5, windowMs: 60_000 });
    await limit.take(t.db, "guessed@example.test");
    const { rowsOf } = await import("@/db/rows-of");
    const { sql } = await import("drizzle-orm");
    const rows = rowsOf<{ key_hash: string }>(await t.db.execute(sql`select key_hash from rate_limit_counts where name = 'test-hash'`));
    expect(rows).toHaveLength(1);
    expect(rows[0]?.key_hash).toMatch(/^[0-9a-f]{64}$/);
  });
});

// Two replicas are two processes with their own connections to one database: here, two
// connections and two limiter instances (each with its own memory), counting one key.
describe.runIf(process.env.TEST_DATABASE_URL)("rate limits shared by replicas", () => {
  let second: Database | null = null;
  afterAll(async () => {
    await second?.close();
  });

  it("counts attempts from both replicas against one limit", async (context) => {
    if (t.kind !== "postgres" || !t.url) return context.skip();
    second = await openDatabase({ url: t.url });
    const onA = rateLimit({ name: "test-replicas", limit: 10, windowMs: 60_000 });
    const onB = rateLimit({ name: "test-replicas", limit: 10, windowMs: 60_000 });
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? onA.take(t.db, "shared") : onB.take(second!.db, "shared"))),
    );
    expect(results.filter(Boolean)).toHaveLength(10);
    expect(await onB.blocked(second.db, "shared")).toBe(true);
  });

  it("shares a batched limit within about a second", async (context) => {
    if (t.kind !== "postgres" || !t.url) return context.skip();
    second ??= await openDatabase({ url: t.url });
    const onA = rateLimit({ name: "test-batched", limit: 100, windowMs: 60_000, batched: true });
    const onB = rateLimit({ name: "test-batched", limit: 100, windowMs: 60_000, batched: true });
    for (let i = 0; i < 80; i++) expect(await onA.take(t.db, "rs")).toBe(true);
    // A's counts reach the shared row within a flush; B then sees them.
    await new Promise((resolve) => setTimeout(resolve, 1300));
    expect(await onB.take(second.db, "rs")).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 1300));
    const more = [];
    for (let i = 0; i < 30; i++) more.push(await onB.take(second.db, "rs"));
    expect(more.filter(Boolean).length).toBeLessThanOrEqual(20);
  });
});
