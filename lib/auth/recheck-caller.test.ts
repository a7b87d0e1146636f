import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/db/testing/test-database";
import { createApiKey } from "@/lib/keys/create-api-key";
import { revokeKey } from "@/lib/keys/revoke-key";
import { createPerson } from "@/lib/testing/people";
import { updateUser } from "@/lib/users/update-user";
import { systemCaller } from "./caller";
import { stillPermitted } from "./recheck-caller";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.close());

describe("stillPermitted", () => {
  it("turns false once a person is disabled or an API key revoked", async () => {
    const viewer = await createPerson(t.db, "viewer");
    expect(await stillPermitted(t.db, viewer, "console:read")).toBe(true);
    await updateUser(t.db, systemCaller("test"), viewer.id, { disabled: true });
    expect(await stillPermitted(t.db, viewer, "console:read")).toBe(false);

    const admin = await createPerson(t.db, "admin");
    const key = await createApiKey(t.db, admin, { name: "stream", role: "viewer" });
    const caller = { type: "api_key" as const, id: key.id, name: key.name, role: key.role };
    expect(await stillPermitted(t.db, caller, "console:read")).toBe(true);
    await revokeKey(t.db, admin, "api_key", key.id);
    expect(await stillPermitted(t.db, caller, "console:read")).toBe(false);
  });
});
