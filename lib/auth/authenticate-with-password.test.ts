import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/db/testing/test-database";
import { auditEntries, signInFailures, users } from "@/db/schema";
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

    // The known account's failures are in the audit chain; the unknown email only in the sign-in log.
    const failures = await auditFor("auth.sign_in_failed");
    expect(failures.filter((entry) => entry.targetId === person.id).length).toBeGreaterThanOrEqual(2);
    expect(JSON.stringify(failures)).not.toContain("nobody@example.test");
    const logged = await t.db.select().from(signInFailures).where(eq(signInFailures.email, "nobody@example.test"));
    expect(logged).toHaveLength(1);
    expect(JSON.stringify([failures, logged])).not.toContain("guess-123456");
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
    const limited = await t.db.select().from(signInFailures).where(eq(signInFailures.email, person.email));
    expect(limited.some((entry) => entry.reason === "rate_limited")).toBe(true);
    await limits().signInByEmail.reset(t.db, person.email);
    expect(await authenticateWithPassword(t.db, { email: person.email, password: "the real password" })).not.toBeNull();
  });

  it("counts an attempt before checking the password: of 40 concurrent guesses, 10 are checked", async () => {
    const person = await createPerson(t.db, "viewer", "the concurrent one");
    // The right password is among the last; only ten attempts may be checked at all.
    const attempts = Array.from({ length: 40 }, (_, i) => (i === 35 ? "the concurrent one" : `guess ${i}`));
    const callers = await Promise.all(attempts.map((password) => authenticateWithPassword(t.db, { email: person.email, password })));
    const checked = (await auditFor("auth.sign_in_failed")).filter((entry) => entry.targetId === person.id).length + callers.filter(Boolean).length;
    expect(checked).toBeLessThanOrEqual(10);
    const limited = await t.db.select().from(signInFailures).where(eq(signInFailures.email, person.email));
    expect(limited.filter((entry) => entry.reason === "rate_limited").length).toBeGreaterThanOrEqual(30);
  });

  it("counts guesses from one address, not people signing in there: 60 successes pass, 50 failures then block the address", async () => {
    const { limits } = await import("@/lib/http/rate-limiter");
    const office = { ip: "192.0.2.77", userAgent: "test" };
    const person = await createPerson(t.db, "responder", "signs in often");
    for (let i = 0; i < 60; i++) {
      expect(await authenticateWithPassword(t.db, { email: person.email, password: "signs in often" }, office)).not.toBeNull();
    }
    for (let i = 0; i < 50; i++) {
      await authenticateWithPassword(t.db, { email: `guess-${i}@example.test`, password: "guess" }, office);
    }
    expect(await authenticateWithPassword(t.db, { email: person.email, password: "signs in often" }, office)).toBeNull();
    await limits().signInByAddress.reset(t.db, office.ip);
    // 110 argon2 hashes: seconds on an idle machine, far more on a shared, loaded one; the bound is not a speed target.
  }, 120_000);

  it("keeps anonymous failures out of the audit chain, in a bounded log", async () => {
    const before = (await t.db.select().from(auditEntries)).length;
    for (let i = 0; i < 12; i++) {
      await authenticateWithPassword(t.db, { email: `attacker-${i}@example.test`, password: "# forged heading" }, { ip: `198.51.100.${i}`, userAgent: "evil" });
    }
    expect((await t.db.select().from(auditEntries)).length).toBe(before);
    const { SIGN_IN_FAILURES_KEPT } = await import("./record-sign-in-failure");
    expect(SIGN_IN_FAILURES_KEPT).toBeGreaterThan(0);
    const logged = await t.db.select().from(signInFailures);
    expect(logged.filter((entry) => entry.email.startsWith("attacker-")).length).toBe(12);
  });

  it("refuses malformed input without touching the database", async () => {
    const before = (await t.db.select().from(auditEntries)).length;
    expect(await authenticateWithPassword(t.db, { email: 42, password: null })).toBeNull();
    expect(await authenticateWithPassword(t.db, "nonsense")).toBeNull();
    expect((await t.db.select().from(auditEntries)).length).toBe(before);
  });
});
