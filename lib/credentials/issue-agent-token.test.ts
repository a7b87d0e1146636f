import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/db/testing/test-database";
import { agentTokens, auditEntries } from "@/db/schema";
import { systemCaller, type UserCaller } from "@/lib/auth/caller";
import { createAgent, setAgentStatus } from "@/lib/testing/agents";
import { createPerson } from "@/lib/testing/people";
import { introspectToken } from "./introspect-token";
import { issueAgentToken } from "./issue-agent-token";
import { hashSecret } from "./secret";

let t: TestDatabase;
let responder: UserCaller;
beforeAll(async () => {
  t = await createTestDatabase();
  responder = await createPerson(t.db, "responder");
});
afterAll(() => t.close());
afterEach(() => vi.restoreAllMocks());

const everything = async () => JSON.stringify([await t.db.select().from(agentTokens), await t.db.select().from(auditEntries)]);

describe("issueAgentToken", () => {
  it("issues an opaque token of 256 random bits with a recognisable prefix, stored only as a hash, never logged", async () => {
    const logged: string[] = [];
    for (const method of ["log", "info", "warn", "error", "debug"] as const) {
      vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(" ")));
    }
    const agent = await createAgent(t.db, { scopes: ["forum:post", "tickets:read"] });
    const issued = await issueAgentToken(t.db, responder, agent.id, { expiresInSeconds: 600 });

    expect(issued.token).toMatch(/^tq_at_[A-Za-z0-9_-]{43}$/); // 32 bytes of base64url
    expect(Buffer.from(issued.token.slice(6), "base64url")).toHaveLength(32);
    expect(issued.prefix).toBe(issued.token.slice(0, 14));
    expect(issued.scopes).toEqual(["forum:post", "tickets:read"]);
    expect(new Date(issued.expiresAt).getTime() - Date.now()).toBeGreaterThan(590_000);

    await introspectToken(t.db, systemCaller("test"), issued.token);
    const stored = await everything();
    expect(stored).not.toContain(issued.token);
    expect(stored).not.toContain(issued.token.slice(6));
    expect(stored).toContain(hashSecret(issued.token));
    expect(logged.join("\n")).not.toContain(issued.token.slice(6));
  });

  it("only carries scopes the agent has, honouring wildcards", async () => {
    const agent = await createAgent(t.db, { scopes: ["tickets:*", "docs:read"] });
    const narrow = await issueAgentToken(t.db, responder, agent.id, { scopes: ["tickets:write"] });
    expect(narrow.scopes).toEqual(["tickets:write"]);
    const before = await everything();
    await expect(issueAgentToken(t.db, responder, agent.id, { scopes: ["iam:write"] })).rejects.toMatchObject({
      status: 400,
      details: [{ path: "scopes" }],
    });
    expect(await everything()).toBe(before);
  });

  it("refuses viewers, unknown agents, bad lifetimes and agents that are not active, writing nothing", async () => {
    const viewer = await createPerson(t.db, "viewer");
    const agent = await createAgent(t.db);
    const before = await everything();
    await expect(issueAgentToken(t.db, viewer, agent.id, {})).rejects.toMatchObject({ status: 403 });
    await expect(issueAgentToken(t.db, responder, "00000000-0000-4000-8000-000000000000", {})).rejects.toMatchObject({ status: 404 });
    await expect(issueAgentToken(t.db, responder, "not-a-uuid", {})).rejects.toMatchObject({ status: 404 });
    await expect(issueAgentToken(t.db, responder, agent.id, { expiresInSeconds: 10 })).rejects.toThrow(/at least 60 seconds/);
    for (const status of ["suspended", "retired"] as const) {
      await setAgentStatus(t.db, agent.id, status);
      await expect(issueAgentToken(t.db, responder, agent.id, {})).rejects.toMatchObject({ status: 409 });
    }
    expect(await everything()).toBe(before);
  });
});
