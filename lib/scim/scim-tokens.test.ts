import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEntries, scimTokens } from "@/db/schema";
import { createTestDatabase, type TestDatabase } from "@/db/testing/test-database";
import { createPerson } from "@/lib/testing/people";
import { authenticateScimToken } from "./authenticate-scim-token";
import { createScimToken } from "./create-scim-token";
import { listScimTokens } from "./list-scim-tokens";
import { revokeScimToken } from "./revoke-scim-token";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.close());

describe("SCIM tokens", () => {
  it("are shown once, stored hashed, authenticate until revoked, and only admins manage them", async () => {
    const admin = await createPerson(t.db, "admin");
    const responder = await createPerson(t.db, "responder");
    const created = await createScimToken(t.db, admin, { name: "Okta" });
    expect(created.token).toMatch(/^tq_sc_/);
    const [row] = await t.db.select().from(scimTokens).where(eq(scimTokens.id, created.id));
    expect(row?.tokenHash).not.toContain(created.token);
    expect(JSON.stringify(await listScimTokens(t.db, admin))).not.toContain(created.token);

    const caller = await authenticateScimToken(t.db, `Bearer ${created.token}`);
    expect(caller).toMatchObject({ type: "system", scimTokenId: created.id });
    await expect(authenticateScimToken(t.db, `Bearer ${created.token}x`)).rejects.toMatchObject({ status: 401 });
    await expect(authenticateScimToken(t.db, null)).rejects.toMatchObject({ status: 401 });

    await expect(createScimToken(t.db, responder, { name: "x" })).rejects.toThrow();
    await expect(revokeScimToken(t.db, responder, created.id)).rejects.toThrow();
    await revokeScimToken(t.db, admin, created.id, "rotated");
    await expect(authenticateScimToken(t.db, `Bearer ${created.token}`)).rejects.toMatchObject({ status: 401 });
    const actions = (await t.db.select().from(auditEntries).where(eq(auditEntries.targetId, created.id))).map((entry) => entry.action);
    expect(actions).toEqual(expect.arrayContaining(["scim_token.created", "scim_token.revoked"]));
  });
});
