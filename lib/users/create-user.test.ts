import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/db/testing/test-database";
import { auditEntries, users } from "@/db/schema";
import { authenticateWithPassword } from "@/lib/auth/authenticate-with-password";
import { createPerson } from "@/lib/testing/people";
import { createUser, createUserInput } from "./create-user";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.close());

const count = async () => ({
  users: (await t.db.select().from(users)).length,
  audit: (await t.db.select().from(auditEntries)).length,
});

describe("createUser", () => {
  it("lets an admin add a person with a generated password shown once and hashed at rest", async () => {
    const admin = await createPerson(t.db, "admin");
    const { user, initialPassword } = await createUser(t.db, admin, {
      email: "New.Person@Example.com",
      name: "New Person",
      role: "viewer",
    });
    expect(user).toMatchObject({ email: "new.person@example.com", role: "viewer", hasPassword: true });
    expect(user).not.toHaveProperty("passwordHash");
    expect(initialPassword).toBeTruthy();
    const all = JSON.stringify(await t.db.select().from(users));
    expect(all).not.toContain(initialPassword);
    expect(all).toContain("$argon2id$");
    expect(await authenticateWithPassword(t.db, { email: user.email, password: initialPassword })).not.toBeNull();
  });

  it("refuses viewers and responders and writes nothing", async () => {
    for (const role of ["viewer", "responder"] as const) {
      const caller = await createPerson(t.db, role);
      const before = await count();
      await expect(createUser(t.db, caller, { email: `x-${role}@example.test`, name: "X", role: "admin" })).rejects.toMatchObject({
        status: 403,
      });
      expect(await count()).toEqual(before);
    }
  });

  it("answers 409 for an email that exists in any case, and writes no audit entry", async () => {
    const admin = await createPerson(t.db, "admin");
    await createUser(t.db, admin, { email: "twice@example.test", name: "Twice", role: "viewer" });
    const before = await count();
    await expect(createUser(t.db, admin, { email: "TWICE@example.test", name: "Again", role: "viewer" })).rejects.toMatchObject({
      status: 409,
    });
    expect(await count()).toEqual(before);
  });

  it("validates input with messages a person can act on", () => {
    const result = createUserInput.safeParse({ email: "nope", name: " ", role: "root", password: "short", extra: 1 });
    expect(result.success).toBe(false);
    const paths = result.error?.issues.map((issue) => issue.path.join(".") || issue.code);
    expect(paths).toEqual(expect.arrayContaining(["email", "name", "role", "password"]));
  });
});
