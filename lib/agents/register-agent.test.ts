import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/db/testing/test-database";
import { agents, auditEntries } from "@/db/schema";
import { createPerson } from "@/lib/testing/people";
import { registerAgentInput } from "./agent-fields";
import { registerAgent } from "./register-agent";
import { updateAgent } from "./update-agent";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.close());

const counts = async () => ({
  agents: (await t.db.select().from(agents)).length,
  audit: (await t.db.select().from(auditEntries)).length,
});

describe("registerAgent and updateAgent", () => {
  it("registers an agent with derived risk and an audit entry", async () => {
    const responder = await createPerson(t.db, "responder");
    const agent = await registerAgent(
      t.db,
      responder,
      registerAgentInput.parse({ name: "forum-helper", owner: "dana@example.com", team: "Platform", scopes: ["forum:post", "iam:write"] }),
    );
    expect(agent).toMatchObject({ name: "forum-helper", status: "active", risk: "high", environment: "prod", liveTokens: 0 });
    expect(agent.riskReasons).toEqual(["can change permissions (iam:write)"]);
    const [entry] = await t.db.select().from(auditEntries).where(eq(auditEntries.targetId, agent.id));
    expect(entry).toMatchObject({ action: "agent.registered", actorId: responder.id });
  });

  it("refuses viewers and duplicate names (any case) without writing", async () => {
    const viewer = await createPerson(t.db, "viewer");
    const admin = await createPerson(t.db, "admin");
    await registerAgent(t.db, admin, registerAgentInput.parse({ name: "Dup Bot", owner: "o@example.com" }));
    const before = await counts();
    await expect(registerAgent(t.db, viewer, registerAgentInput.parse({ name: "x", owner: "o" }))).rejects.toMatchObject({ status: 403 });
    await expect(
      registerAgent(t.db, admin, registerAgentInput.parse({ name: "dup bot", owner: "o@example.com" })),
    ).rejects.toMatchObject({ status: 409, details: [{ path: "name", message: "This name is taken." }] });
    expect(await counts()).toEqual(before);
  });

  it("re-derives risk on edit, records before and after, and leaves suspension to the kill switch", async () => {
    const responder = await createPerson(t.db, "responder");
    const agent = await registerAgent(t.db, responder, registerAgentInput.parse({ name: "reader", owner: "o", scopes: ["docs:read"] }));
    expect(agent.risk).toBe("low");
    const updated = await updateAgent(t.db, responder, agent.id, { scopes: ["docs:read", "warehouse:read:restricted"] });
    expect(updated.risk).toBe("high");
    const [entry] = await t.db.select().from(auditEntries).where(eq(auditEntries.action, "agent.updated"));
    expect(entry?.before).toEqual({ scopes: ["docs:read"] });

    await t.db.update(agents).set({ status: "suspended" }).where(eq(agents.id, agent.id));
    await expect(updateAgent(t.db, responder, agent.id, { status: "active" })).rejects.toMatchObject({ status: 409 });
  });

  it("explains what is wrong with bad input, field by field", () => {
    const result = registerAgentInput.safeParse({ name: "", owner: "", environment: "moon", scopes: ["Not A Scope"], extra: true });
    expect(result.success).toBe(false);
    const paths = result.error?.issues.map((issue) => issue.path.join(".") || issue.code);
    expect(paths).toEqual(expect.arrayContaining(["name", "owner", "environment", "scopes.0"]));
  });
});
