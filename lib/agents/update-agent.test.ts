import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/db/testing/test-database";
import type { ResourceServerCaller, UserCaller } from "@/lib/auth/caller";
import { introspectToken } from "@/lib/credentials/introspect-token";
import { issueAgentToken } from "@/lib/credentials/issue-agent-token";
import { createAgent } from "@/lib/testing/agents";
import { createPerson } from "@/lib/testing/people";
import { containAgent } from "@/lib/containment/contain-agent";
import { updateAgent } from "./update-agent";

let t: TestDatabase;
let responder: UserCaller;
const server: ResourceServerCaller = { type: "resource_server", id: "00000000-0000-4000-8000-00000000000c", name: "rs" };
beforeAll(async () => {
  t = await createTestDatabase();
  responder = await createPerson(t.db, "responder");
});
afterAll(() => t.close());

describe("updateAgent and the agent's tokens", () => {
  it("revokes live tokens that carry a scope the agent no longer has, and keeps the others", async () => {
    const agent = await createAgent(t.db, { scopes: ["docs:read", "warehouse:read:restricted"] });
    const broad = await issueAgentToken(t.db, responder, agent.id, {});
    const narrow = await issueAgentToken(t.db, responder, agent.id, { scopes: ["docs:read"] });
    await updateAgent(t.db, responder, agent.id, { scopes: ["docs:read"] });
    expect(await introspectToken(t.db, server, broad.token)).toEqual({ active: false });
    expect(await introspectToken(t.db, server, narrow.token)).toMatchObject({ active: true, scope: "docs:read" });
  });

  it("revokes every live token when the agent is retired, so bringing it back revives none", async () => {
    const agent = await createAgent(t.db);
    const issued = await issueAgentToken(t.db, responder, agent.id, {});
    await updateAgent(t.db, responder, agent.id, { status: "retired" });
    await updateAgent(t.db, responder, agent.id, { status: "active" });
    expect(await introspectToken(t.db, server, issued.token)).toEqual({ active: false });
  });

  it("keeps a contained agent's name reserved: it cannot be renamed, so no new agent can take the name", async () => {
    const agent = await createAgent(t.db, { name: `reserved-${Date.now()}` });
    await containAgent(t.db, responder, agent.id, { reason: "test containment" });
    await expect(updateAgent(t.db, responder, agent.id, { name: `${agent.name}-old` })).rejects.toMatchObject({ status: 409 });
    await expect(createAgent(t.db, { name: agent.name })).rejects.toMatchObject({ status: 409 });
    await expect(updateAgent(t.db, responder, agent.id, { description: "still editable" })).resolves.toMatchObject({ name: agent.name });
  });

  it("answers 404 for a malformed id", async () => {
    await expect(updateAgent(t.db, responder, "abc", { name: "x" })).rejects.toMatchObject({ status: 404 });
  });
});
