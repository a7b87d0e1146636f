import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/db/testing/test-database";
import { auditEntries, users } from "@/db/schema";
import { createPerson } from "@/lib/testing/people";
import { updateUser } from "@/lib/users/update-user";
import { authenticateWithOidc } from "./authenticate-with-oidc";
import { systemCaller } from "./caller";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.close());

describe("authenticateWithOidc", () => {
  it("keeps the role an admin gave a known person, matching the email in any case", async () => {
    const responder = await createPerson(t.db, "responder");
    const caller = await authenticateWithOidc(t.db, { email: responder.email.toUpperCase(), name: "Ignored", emailVerified: true }, { defaultRole: "viewer" });
    expect(caller).toMatchObject({ caller: { id: responder.id, role: "responder" } });
  });

  it("provisions a first-time person with the default role and audits it", async () => {
    const caller = await authenticateWithOidc(t.db, { email: "first.timer@example.test", name: "First Timer", emailVerified: true }, { defaultRole: "viewer" });
    expect(caller).toMatchObject({ caller: { email: "first.timer@example.test", name: "First Timer", role: "viewer" } });
    const [row] = await t.db.select().from(users).where(eq(users.email, "first.timer@example.test"));
    expect(row?.passwordHash).toBeNull();
    const created = await t.db.select().from(auditEntries).where(eq(auditEntries.targetId, row?.id ?? ""));
    expect(created.map((entry) => entry.action)).toEqual(expect.arrayContaining(["user.created", "auth.signed_in"]));
  });

  it("refuses strangers when the default role is none, unverified emails and disabled people", async () => {
    expect(await authenticateWithOidc(t.db, { email: "stranger@example.test", emailVerified: true }, { defaultRole: "none" })).toEqual({ refused: "not_provisioned" });
    expect(await t.db.select().from(users).where(eq(users.email, "stranger@example.test"))).toHaveLength(0);

    const viewer = await createPerson(t.db, "viewer");
    expect(await authenticateWithOidc(t.db, { email: viewer.email, emailVerified: false }, { defaultRole: "viewer" })).toMatchObject({ refused: expect.any(String) });
    // No email_verified claim at all: refused unless the operator trusts the provider's emails.
    expect(await authenticateWithOidc(t.db, { email: viewer.email }, { defaultRole: "viewer" })).toMatchObject({ refused: expect.any(String) });
    expect(await authenticateWithOidc(t.db, { email: viewer.email, trustUnverified: true }, { defaultRole: "viewer" })).toMatchObject({ caller: { id: viewer.id } });
    await updateUser(t.db, systemCaller("test"), viewer.id, { disabled: true });
    expect(await authenticateWithOidc(t.db, { email: viewer.email, emailVerified: true }, { defaultRole: "viewer" })).toEqual({ refused: "disabled" });
  });

  it("refuses emails outside the allowed domains, even a known person's, and audits the refusal", async () => {
    const viewer = await createPerson(t.db, "viewer");
    const policy = { defaultRole: "viewer" as const, allowedDomains: ["corp.example"] };
    expect(await authenticateWithOidc(t.db, { email: viewer.email, emailVerified: true }, policy)).toEqual({ refused: "domain_not_allowed" });
    expect(await authenticateWithOidc(t.db, { email: "someone@evil.example", emailVerified: true }, policy)).toEqual({ refused: "domain_not_allowed" });
    // A subdomain or a look-alike suffix is a different domain.
    expect(await authenticateWithOidc(t.db, { email: "a@x.corp.example", emailVerified: true }, policy)).toEqual({ refused: "domain_not_allowed" });
    expect(await authenticateWithOidc(t.db, { email: "a@notcorp.example", emailVerified: true }, policy)).toEqual({ refused: "domain_not_allowed" });
    const admitted = await authenticateWithOidc(t.db, { email: "New.Person@Corp.Example", emailVerified: true }, policy);
    expect(admitted).toMatchObject({ caller: { email: "new.person@corp.example", role: "viewer" } });
    const refusals = await t.db.select().from(auditEntries).where(eq(auditEntries.action, "auth.sign_in_failed"));
    expect(refusals.some((entry) => JSON.stringify(entry.after).includes("domain_not_allowed"))).toBe(true);
  });

  it("says which check failed", async () => {
    expect(await authenticateWithOidc(t.db, { email: "  " , emailVerified: true }, { defaultRole: "viewer" })).toEqual({ refused: "email_missing" });
    expect(await authenticateWithOidc(t.db, { email: "u@example.test", emailVerified: false }, { defaultRole: "viewer" })).toEqual({ refused: "email_unverified" });
  });
});
