// The kill switch has connections of its own: with every connection of the main pool
// busy (ingest at full tilt, a slow report), a containment through the API still goes
// through at once instead of queueing behind them. PostgreSQL only: PGlite is one
// connection for everything.
import { sql } from "drizzle-orm";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/db/testing/test-database";

vi.mock("server-only", () => ({}));
vi.mock("@/lib/auth/session", () => ({ getSessionCaller: async () => null }));

const runHere = inject("dbKind") === "postgres";
let t: TestDatabase;

beforeAll(async () => {
  if (!runHere) return;
  t = await createTestDatabase();
  Object.assign(process.env, { DATABASE_URL: t.url, TOURNIQUET_DEMO_DATA: "false" });
}, 60_000);

afterAll(async () => {
  if (!runHere) return;
  await (await (await import("@/lib/db")).getDatabase()).close();
  await t.close();
});

describe.runIf(runHere)("containment beside a busy pool", () => {
  it("returns while every connection of the main pool is still held", async () => {
    const { getDb } = await import("@/lib/db");
    const db = await getDb();
    const { systemCaller } = await import("@/lib/auth/caller");
    const { createApiKey } = await import("@/lib/keys/create-api-key");
    const { createAgent } = await import("@/lib/testing/agents");
    const route = await import("@/app/api/v1/agents/[id]/contain/route");
    const key = await createApiKey(db, systemCaller("test"), { name: "priority", role: "responder" });
    const agent = await createAgent(db);

    // Ten slow queries: the whole main pool.
    const slow = Promise.all(Array.from({ length: 10 }, () => db.execute(sql`select pg_sleep(4)`)));
    // postgres.js answers a raw query with the rows themselves.
    const sleeping = async () => {
      const rows: unknown = await t.db.execute(sql`
        select count(*)::int as n from pg_stat_activity where query like 'select pg_sleep(4)%' and state = 'active'`);
      return (rows as { n: number }[])[0]?.n ?? 0;
    };
    while ((await sleeping()) < 10) await new Promise((resolve) => setTimeout(resolve, 10));

    const response = await route.POST(
      new NextRequest(`http://127.0.0.1/api/v1/agents/${agent.id}/contain`, {
        method: "POST",
        headers: { authorization: `Bearer ${key.key}`, "content-type": "application/json" },
        body: JSON.stringify({ reason: "priority test" }),
      }),
      { params: Promise.resolve({ id: agent.id }) },
    );
    expect(response.status).toBe(200);
    // Asked on a connection of the test's own: the ten are still running.
    expect(await sleeping()).toBe(10);
    await slow;
  }, 30_000);
});
