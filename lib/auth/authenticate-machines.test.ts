import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/db/testing/test-database";
import { issueAgentToken } from "@/lib/credentials/issue-agent-token";
import { createApiKey } from "@/lib/keys/create-api-key";
import { createResourceServer } from "@/lib/keys/create-resource-server";
import { revokeKey } from "@/lib/keys/revoke-key";
import { createAgent, setAgentStatus } from "@/lib/testing/agents";
import { createPerson } from "@/lib/testing/people";
import type { UserCaller } from "./caller";
import { authenticateBearer } from "./authenticate-bearer";
import { authenticateResourceServer, readClientCredentials } from "./authenticate-resource-server";

let t: TestDatabase;
let admin: UserCaller;
beforeAll(async () => {
  t = await createTestDatabase();
  admin = await createPerson(t.db, "admin");
});
afterAll(() => t.close());

describe("API keys and agent tokens as bearer credentials", () => {
  it("lets an API key act with its role until it is revoked", async () => {
    const created = await createApiKey(t.db, admin, { name: "soar", role: "responder" });
    expect(created.key).toMatch(/^tq_ak_/);
    expect(await authenticateBearer(t.db, created.key)).toMatchObject({ type: "api_key", role: "responder", name: "soar" });
    await revokeKey(t.db, admin, "api_key", created.id);
    expect(await authenticateBearer(t.db, created.key)).toBeNull();
  });

  it("lets an agent token speak for its active agent only", async () => {
    const agent = await createAgent(t.db);
    const issued = await issueAgentToken(t.db, admin, agent.id, {});
    expect(await authenticateBearer(t.db, issued.token)).toMatchObject({ type: "agent", id: agent.id, tokenId: issued.id });
    await setAgentStatus(t.db, agent.id, "suspended");
    expect(await authenticateBearer(t.db, issued.token)).toBeNull();
    expect(await authenticateBearer(t.db, "tq_zz_whatever")).toBeNull();
  });

  it("refuses non-admins creating keys", async () => {
    const responder = await createPerson(t.db, "responder");
    await expect(createApiKey(t.db, responder, { name: "x" })).rejects.toMatchObject({ status: 403 });
    await expect(createResourceServer(t.db, responder, { name: "x" })).rejects.toMatchObject({ status: 403 });
  });
});

describe("resource server client authentication", () => {
  it("reads HTTP Basic (form-urlencoded parts) or the form body", () => {
    const basic = `Basic ${Buffer.from("my%20id:s%2Bcret").toString("base64")}`;
    expect(readClientCredentials(basic, new URLSearchParams())).toEqual({ clientId: "my id", clientSecret: "s+cret" });
    expect(readClientCredentials(null, new URLSearchParams({ client_id: "a", client_secret: "b" }))).toEqual({
      clientId: "a",
      clientSecret: "b",
    });
    expect(readClientCredentials("Basic !!!", new URLSearchParams())).toBeNull();
  });

  it("accepts the right secret only, and nothing once revoked", async () => {
    const server = await createResourceServer(t.db, admin, { name: "wiki" });
    expect(server.clientId).toMatch(/^tq_rc_/);
    expect(server.clientSecret).toMatch(/^tq_rs_/);
    const good = { clientId: server.clientId, clientSecret: server.clientSecret };
    expect(await authenticateResourceServer(t.db, good)).toMatchObject({ type: "resource_server", name: "wiki" });
    expect(await authenticateResourceServer(t.db, { ...good, clientSecret: `${server.clientSecret}x` })).toBeNull();
    expect(await authenticateResourceServer(t.db, { ...good, clientId: "tq_rc_other" })).toBeNull();
    await revokeKey(t.db, admin, "resource_server", server.id);
    expect(await authenticateResourceServer(t.db, good)).toBeNull();
  });
});
