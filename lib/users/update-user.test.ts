import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/db/testing/test-database";
import { auditEntries, users } from "@/db/schema";
import { createPerson } from "@/lib/testing/people";
import { updateUser } from "./update-user";

let t: TestDatabase;
beforeEach(async () => {
  t = await createTestDatabase();
});
afterEach(() => t.close());

describe("updateUser", () => {
  it("changes a role and records before and after in the audit log", async () => {
    const admin = await createPerson(t.db, "admin");
    const viewer = await createPerson(t.db, "viewer");
    const updated = await updateUser(t.db, admin, viewer.id, { role: "responder" });
    expect(updated.role).toBe("responder");
    const [entry] = await t.db.select().from(auditEntries).where(eq(auditEntries.action, "user.updated"));
    expect(entry).toMatchObject({ actorId: admin.id, targetId: viewer.id, before: { role: "viewer" }, after: { role: "responder" } });
  });

  it("never leaves the console without an active admin, even under concurrent demotions", async () => {
    const first = await createPerson(t.db, "admin");
    const second = await createPerson(t.db, "admin");
    await expect(updateUser(t.db, first, first.id, { disabled: true })).resolves.toMatchObject({ disabled: true });
    await expect(updateUser(t.db, second, second.id, { role: "viewer" })).rejects.toMatchObject({ status: 409 });

    const third = await createPerson(t.db, "admin");
    const results = await Promise.allSettled([
      updateUser(t.db, second, second.id, { role: "viewer" }),
      updateUser(t.db, third, third.id, { role: "viewer" }),
    ]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    const active = await t.db.select().from(users).where(eq(users.role, "admin"));
    expect(active.filter((user) => !user.disabledAt)).toHaveLength(1);
  });

  it("refuses non-admins, unknown people and empty changes without writing", async () => {
    const admin = await createPerson(t.db, "admin");
    const responder = await createPerson(t.db, "responder");
    const before = (await t.db.select().from(auditEntries)).length;
    await expect(updateUser(t.db, responder, responder.id, { role: "admin" })).rejects.toMatchObject({ status: 403 });
    await expect(updateUser(t.db, admin, "00000000-0000-4000-8000-000000000000", { role: "admin" })).rejects.toMatchObject({
      status: 404,
    });
    await expect(updateUser(t.db, admin, "not-a-uuid", { role: "admin" })).rejects.toMatchObject({ status: 404 });
    await expect(updateUser(t.db, admin, responder.id, {})).rejects.toMatchObject({ status: 400 });
    expect((await t.db.select().from(auditEntries)).length).toBe(before);
  });
});
