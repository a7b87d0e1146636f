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

  describe("groups to roles", () => {
    const roleMap = [
      { group: "tq-admins", role: "admin" as const },
      { group: "secops", role: "responder" as const },
      { group: "eng", role: "viewer" as const },
    ];
    const policy = { defaultRole: "none" as const, roleMap };
    const entriesFor = (id: string) => t.db.select().from(auditEntries).where(eq(auditEntries.targetId, id));

    it("admits a first-time person in a mapped group with the highest mapped role, audited as the mapping", async () => {
      const result = await authenticateWithOidc(t.db, { email: "grouped@corp.example", emailVerified: true, groups: ["eng", "secops", "other"] }, policy);
      expect(result).toMatchObject({ caller: { role: "responder" } });
      const [row] = await t.db.select().from(users).where(eq(users.email, "grouped@corp.example"));
      expect(row?.roleSource).toBe("oidc_groups");
      const created = (await entriesFor(row?.id ?? "")).find((entry) => entry.action === "user.created");
      expect(created).toMatchObject({ actorType: "system", actorLabel: "system:oidc-group-mapping" });
      expect(JSON.stringify(created?.after)).toContain("secops=responder");
    });

    it("follows the groups at every sign-in and disables a person who left every mapped group", async () => {
      const email = "mover@corp.example";
      expect(await authenticateWithOidc(t.db, { email, emailVerified: true, groups: ["tq-admins"] }, policy)).toMatchObject({ caller: { role: "admin" } });
      const [row] = await t.db.select().from(users).where(eq(users.email, email));
      const versionBefore = row?.sessionVersion ?? 0;
      expect(await authenticateWithOidc(t.db, { email, emailVerified: true, groups: ["eng"] }, policy)).toMatchObject({ caller: { role: "viewer" } });
      const [lowered] = await t.db.select().from(users).where(eq(users.email, email));
      expect(lowered?.sessionVersion).toBeGreaterThan(versionBefore); // earlier admin sessions end
      expect(await authenticateWithOidc(t.db, { email, emailVerified: true, groups: [] }, policy)).toEqual({ refused: "no_mapped_group" });
      const [disabled] = await t.db.select().from(users).where(eq(users.email, email));
      expect(disabled?.disabledAt).not.toBeNull();
      // Back in a mapped group: back in.
      expect(await authenticateWithOidc(t.db, { email, emailVerified: true, groups: ["secops"] }, policy)).toMatchObject({ caller: { role: "responder" } });
      const changes = (await entriesFor(row?.id ?? "")).filter((entry) => entry.action === "user.updated");
      expect(changes).toHaveLength(3);
      expect(changes.every((entry) => entry.actorLabel === "system:oidc-group-mapping")).toBe(true);
    });

    it("leaves a role set by hand alone when no group maps, and never re-enables a person an admin disabled", async () => {
      const responder = await createPerson(t.db, "responder");
      expect(await authenticateWithOidc(t.db, { email: responder.email, emailVerified: true, groups: ["unmapped"] }, policy)).toMatchObject({ caller: { role: "responder" } });
      expect(await authenticateWithOidc(t.db, { email: responder.email, emailVerified: true }, policy)).toMatchObject({ caller: { role: "responder" } });
      expect(await authenticateWithOidc(t.db, { email: responder.email, emailVerified: true, groups: ["eng"] }, policy)).toMatchObject({ caller: { role: "viewer" } });
      await updateUser(t.db, systemCaller("test"), responder.id, { disabled: true });
      expect(await authenticateWithOidc(t.db, { email: responder.email, emailVerified: true, groups: ["eng"] }, policy)).toEqual({ refused: "disabled" });
    });

    it("refuses people outside the allowed groups, writing only the refusal", async () => {
      const strict = { ...policy, allowedGroups: ["secops"] };
      expect(await authenticateWithOidc(t.db, { email: "outsider@corp.example", emailVerified: true, groups: ["eng"] }, strict)).toEqual({ refused: "group_not_allowed" });
      expect(await authenticateWithOidc(t.db, { email: "outsider@corp.example", emailVerified: true }, strict)).toEqual({ refused: "group_not_allowed" });
      expect(await t.db.select().from(users).where(eq(users.email, "outsider@corp.example"))).toHaveLength(0);
      const refusals = await t.db.select().from(auditEntries).where(eq(auditEntries.action, "auth.sign_in_failed"));
      expect(refusals.some((entry) => JSON.stringify(entry.after).includes("group_not_allowed"))).toBe(true);
      expect(await authenticateWithOidc(t.db, { email: "insider@corp.example", emailVerified: true, groups: ["secops"] }, strict)).toMatchObject({ caller: { role: "responder" } });
    });
  });
});
