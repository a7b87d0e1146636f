import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/db/testing/test-database";
import type { UserCaller } from "@/lib/auth/caller";
import { createPerson } from "@/lib/testing/people";
import { actionFilter } from "./action-filter";
import { actionHistogram } from "./action-histogram";

let t: TestDatabase;
let viewer: UserCaller;
beforeAll(async () => {
  t = await createTestDatabase();
  viewer = await createPerson(t.db, "viewer");
});
afterAll(() => t.close());

describe("actionHistogram", () => {
  it("answers a 400 for windows the database cannot hold, such as year 1, instead of failing", async () => {
    for (const params of [{ to: "0001-01-01T00:00:00Z" }, { from: "2026-01-02T00:00:00Z", to: "2026-01-01T00:00:00Z" }]) {
      const filter = actionFilter.parse(params);
      await expect(actionHistogram(t.db, viewer, filter, "outcome")).rejects.toMatchObject({ status: 400 });
    }
    const ok = await actionHistogram(t.db, viewer, actionFilter.parse({ from: "2026-01-01T00:00:00Z", to: "2026-01-02T00:00:00Z" }), "outcome");
    expect(ok.buckets.length).toBeGreaterThan(0);
    const clamped = await actionHistogram(t.db, viewer, actionFilter.parse({ from: "0001-01-01T00:00:00Z", to: "2026-01-01T00:00:00Z" }), "outcome");
    expect(clamped.from).toBe("2000-01-01T00:00:00.000Z");
  });
});
