import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/db/testing/test-database";
import { agentTokens, agents } from "@/db/schema";
import type { ResourceServerCaller, UserCaller } from "@/lib/auth/caller";
import { createAgent, setAgentStatus } from "@/lib/testing/agents";
import { createPerson } from "@/lib/testing/people";
import { introspectToken } from "./introspect-token";
import { issueAgentToken } from "./issue-agent-token";
import { revokeAgentToken } from "./revoke-agent-token";
import { revokeTokenByValue } from "./revoke-token-by-value";

let t: TestDatabase;
let responder: UserCaller;
const server: ResourceServerCaller = { type: "resource_server", id: "00000000-0000-4000-8000-00000000000a", name: "wiki" };
beforeAll(async () => {
  t = await createTestDatabase();
  responder = await createPerson(t.db, "responder");
});
afterAll(() => t.close());

describe("introspectToken (RFC 7662)", () => {
  it("describes a live token and stamps its last use and the agent's last sighting", async () => {
    const agent = await createAgent(t.db, { name: "intro-live", owner: "dana@example.com", scopes: ["forum:post", "tickets:read"] });
    const issued = await issueAgentToken(t.db, responder, agent.id, { scopes: ["tickets:read"] });
    const result = await introspectToken(t.db, server, issued.token);
    expect(result).toMatchObject({
      active: true,
      scope: "tickets:read",
      client_id: agent.id,
      sub: agent.id,
      jti: issued.id,
      token_type: "Bearer",
      agent_name: "intro-live",
      owner: "dana@example.com",
      exp: Math.floor(new Date(issued.expiresAt).getTime() / 1000),
    });
    const [token] = await t.db.select().from(agentTokens).where(eq(agentTokens.id, issued.id));
    expect(token?.lastUsedAt).toBeInstanceOf(Date);
    const [row] = await t.db.select().from(agents).where(eq(agents.id, agent.id));
    expect(row?.lastSeenAt).toBeInstanceOf(Date);
  });

  it("answers only { active: false } for unknown, malformed, revoked and expired tokens", async () => {
    const agent = await createAgent(t.db);
    const revoked = await issueAgentToken(t.db, responder, agent.id, {});
    await revokeAgentToken(t.db, responder, agent.id, revoked.id, { reason: "leaked in a log" });
    const expired = await issueAgentToken(t.db, responder, agent.id, {});
    await t.db.update(agentTokens).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(agentTokens.id, expired.id));

    for (const token of ["tq_at_unknown", "garbage", "", revoked.token, expired.token, `${revoked.token}x`]) {
      expect(await introspectToken(t.db, server, token)).toEqual({ active: false });
    }
  });

  it("turns every token of a suspended or retired agent inactive at once, and back when it is active", async () => {
    const agent = await createAgent(t.db);
    const tokens = await Promise.all([1, 2, 3].map(() => issueAgentToken(t.db, responder, agent.id, {})));
    await setAgentStatus(t.db, agent.id, "suspended");
    for (const { token } of tokens) expect(await introspectToken(t.db, server, token)).toEqual({ active: false });
    await setAgentStatus(t.db, agent.id, "retired");
    for (const { token } of tokens) expect(await introspectToken(t.db, server, token)).toEqual({ active: false });
  });

  it("is for resource servers only", async () => {
    const admin = await createPerson(t.db, "admin");
    await expect(introspectToken(t.db, admin, "tq_at_x")).rejects.toMatchObject({ status: 403 });
  });
});

describe("revokeTokenByValue (RFC 7009)", () => {
  it("revokes the token it is shown, once, and says nothing about unknown tokens", async () => {
    const agent = await createAgent(t.db);
    const issued = await issueAgentToken(t.db, responder, agent.id, {});
    await revokeTokenByValue(t.db, server, issued.token);
    await revokeTokenByValue(t.db, server, issued.token);
    await revokeTokenByValue(t.db, server, "tq_at_never-issued");
    expect(await introspectToken(t.db, server, issued.token)).toEqual({ active: false });
    const [token] = await t.db.select().from(agentTokens).where(eq(agentTokens.id, issued.id));
    expect(token).toMatchObject({ revokedBy: "resource-server:wiki", revokeReason: "revoked through RFC 7009 by resource-server:wiki" });
  });
});

describe("revokeAgentToken", () => {
  it("keeps the first revocation when two responders revoke at once", async () => {
    const agent = await createAgent(t.db);
    const issued = await issueAgentToken(t.db, responder, agent.id, {});
    const other = await createPerson(t.db, "responder");
    const [first, second] = await Promise.all([
      revokeAgentToken(t.db, responder, agent.id, issued.id, { reason: "first reason" }),
      revokeAgentToken(t.db, other, agent.id, issued.id, { reason: "second reason" }),
    ]);
    expect(first.revokedAt).toBe(second.revokedAt);
    expect(first.revokeReason).toBe(second.revokeReason);
    expect(first.status).toBe("revoked");
  });
});
