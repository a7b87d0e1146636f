import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/db/testing/test-database";
import { auditEntries, users } from "@/db/schema";
import { createPerson } from "@/lib/testing/people";
import { systemCaller } from "./caller";
import { updateUser } from "@/lib/users/update-user";
import { authenticateWithPassword } from "./authenticate-with-password";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.close());

const auditFor = (action: string) => t.db.select().from(auditEntries).where(eq(auditEntries.action, action));

describe("authenticateWithPassword", () => {
  it("signs in with the right password, any email case, and audits it", async () => {
    const person = await createPerson(t.db, "responder", "the right password");
    const caller = await authenticateWithPassword(
      t.db,
      { email: person.email.toUpperCase(), password: "the right password" },
      { ip: "203.0.113.9", userAgent: "test" },
    );
    expect(caller).toMatchObject({ id: person.id, role: "responder" });
    const [row] = await t.db.select().from(users).where(eq(users.id, person.id));
    expect(row?.lastSignInAt).toBeInstanceOf(Date);
    const entries = await auditFor("auth.signed_in");
    expect(entries.some((entry) => entry.actorId === person.id && entry.ip === "203.0.113.9")).toBe(true);
  });

  it("refuses a wrong password, an unknown email and a disabled person, auditing each without the password", async () => {
    const person = await createPerson(t.db, "viewer", "viewer password!");
    expect(await authenticateWithPassword(t.db, { email: person.email, password: "guess-123456" })).toBeNull();
    expect(await authenticateWithPassword(t.db, { email: "nobody@example.test", password: "guess-123456" })).toBeNull();
    await updateUser(t.db, systemCaller("test"), person.id, { disabled: true });
    expect(await authenticateWithPassword(t.db, { email: person.email, password: "viewer password!" })).toBeNull();

    const failures = await auditFor("auth.sign_in_failed");
    expect(failures.length).toBeGreaterThanOrEqual(3);
    expect(JSON.stringify(failures)).not.toContain("guess-123456");
    expect(JSON.stringify(failures)).not.toContain("viewer password!");
  });

  it("stops checking passwords for an account after ten attempts in fifteen minutes", async () => {
    const { limits } = await import("@/lib/http/rate-limiter");
    const person = await createPerson(t.db, "viewer", "the real password");
    for (let attempt = 0; attempt < 10; attempt++) {
      expect(await authenticateWithPassword(t.db, { email: person.email, password: `guess ${attempt}` })).toBeNull();
    }
    // Even the right password is refused now, and the refusal is audited as rate limited.
    expect(await authenticateWithPassword(t.db, { email: person.email, password: "the real password" })).toBeNull();
    const limited = (await auditFor("auth.sign_in_failed")).filter((entry) => (entry.after as { reason?: string })?.reason === "rate_limited");
    expect(limited.length).toBeGreaterThan(0);
    limits().signInByEmail.reset(person.email);
    expect(await authenticateWithPassword(t.db, { email: person.email, password: "the real password" })).not.toBeNull();
  });

  it("refuses malformed input without touching the database", async () => {
    const before = (await t.db.select().from(auditEntries)).length;
    expect(await authenticateWithPassword(t.db, { email: 42, password: null })).toBeNull();
    expect(await authenticateWithPassword(t.db, "nonsense")).toBeNull();
    expect((await t.db.select().from(auditEntries)).length).toBe(before);
  });
});
