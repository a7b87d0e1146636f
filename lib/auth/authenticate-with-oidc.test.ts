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
    const caller = await authenticateWithOidc(t.db, { email: responder.email.toUpperCase(), name: "Ignored", emailVerified: true }, "viewer");
    expect(caller).toMatchObject({ id: responder.id, role: "responder" });
  });

  it("provisions a first-time person with the default role and audits it", async () => {
    const caller = await authenticateWithOidc(t.db, { email: "first.timer@example.test", name: "First Timer", emailVerified: true }, "viewer");
    expect(caller).toMatchObject({ email: "first.timer@example.test", name: "First Timer", role: "viewer" });
    const [row] = await t.db.select().from(users).where(eq(users.email, "first.timer@example.test"));
    expect(row?.passwordHash).toBeNull();
    const created = await t.db.select().from(auditEntries).where(eq(auditEntries.targetId, row?.id ?? ""));
    expect(created.map((entry) => entry.action)).toEqual(expect.arrayContaining(["user.created", "auth.signed_in"]));
  });

  it("refuses strangers when the default role is none, unverified emails and disabled people", async () => {
    expect(await authenticateWithOidc(t.db, { email: "stranger@example.test", emailVerified: true }, "none")).toBeNull();
    expect(await t.db.select().from(users).where(eq(users.email, "stranger@example.test"))).toHaveLength(0);

    const viewer = await createPerson(t.db, "viewer");
    expect(await authenticateWithOidc(t.db, { email: viewer.email, emailVerified: false }, "viewer")).toBeNull();
    // No email_verified claim at all: refused unless the operator trusts the provider's emails.
    expect(await authenticateWithOidc(t.db, { email: viewer.email }, "viewer")).toBeNull();
    expect(await authenticateWithOidc(t.db, { email: viewer.email, trustUnverified: true }, "viewer")).toMatchObject({ id: viewer.id });
    await updateUser(t.db, systemCaller("test"), viewer.id, { disabled: true });
    expect(await authenticateWithOidc(t.db, { email: viewer.email, emailVerified: true }, "viewer")).toBeNull();
  });
});
