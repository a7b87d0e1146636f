// An agent's request blocks until a person answers it, ends as denied when nobody
// does, and only the owner or a responder may answer, once.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/db/testing/test-database";
import { auditEntries } from "@/db/schema";
import type { PublicAgent } from "@/lib/agents/public-agent";
import type { AgentCaller, UserCaller } from "@/lib/auth/caller";
import { issueAgentToken } from "@/lib/credentials/issue-agent-token";
import type { Change } from "@/lib/live/change-hub";
import { CHANGES_CHANNEL } from "@/lib/live/publish-change";
import { createAgent } from "@/lib/testing/agents";
import { createPerson } from "@/lib/testing/people";
import { approvalRequirements } from "./approval-requirements";
import { decideApproval } from "./decide-approval";
import { getApproval, type SubscribeToChanges } from "./get-approval";
import { listApprovals } from "./list-approvals";
import { requestApproval, requestApprovalInput } from "./request-approval";

let t: TestDatabase;
let responder: UserCaller;
let owner: UserCaller;
let viewer: UserCaller;
let agent: PublicAgent;
let caller: AgentCaller;
let subscribe: SubscribeToChanges;

beforeAll(async () => {
  t = await createTestDatabase();
  responder = await createPerson(t.db, "responder");
  owner = await createPerson(t.db, "viewer");
  viewer = await createPerson(t.db, "viewer");
  agent = await createAgent(t.db, { owner: owner.email.toUpperCase() });
  const issued = await issueAgentToken(t.db, responder, agent.id, {});
  caller = { type: "agent", id: agent.id, name: agent.name, tokenId: issued.id, scopes: agent.scopes };
  subscribe = async (listener) => {
    const unlisten = await t.listen(CHANGES_CHANNEL, (payload) => listener(JSON.parse(payload) as Change));
    return () => void unlisten();
  };
});
afterAll(() => t.close());

const ask = (extra: Record<string, unknown> = {}) =>
  requestApproval(
    t.db,
    caller,
    requestApprovalInput.parse({
      action: { kind: "message_post", tool: "forum.post_reply", target: { type: "forum", id: "eng-forum/4821" }, summary: "Post the answer to Jordan's question" },
      onBehalfOf: "jordan.lee@example.com",
      ...extra,
    }),
  );

describe("approvals", () => {
  it("block a waiting agent until a responder answers", async () => {
    const request = await ask();
    expect(request).toMatchObject({ status: "pending", expired: false, onBehalfOf: "jordan.lee@example.com" });
    const started = Date.now();
    const waiting = getApproval(t.db, caller, request.id, { waitSeconds: 10, subscribe });
    let settled = false;
    void waiting.then(() => (settled = true));
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(settled).toBe(false);

    await decideApproval(t.db, responder, request.id, { decision: "approve", reason: "the answer is reviewed" });
    const answer = await waiting;
    expect(answer).toMatchObject({ status: "approved", decidedBy: responder.email, reason: "the answer is reviewed" });
    const elapsed = Date.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(400);
    expect(elapsed).toBeLessThan(5000);
  });

  it("end as denied when nobody answers before they expire", async () => {
    const request = await ask({ expiresInSeconds: 1 });
    const answer = await getApproval(t.db, caller, request.id, { waitSeconds: 10, subscribe });
    expect(answer).toMatchObject({ status: "denied", expired: true });
    expect(new Date(answer.decidedAt!).getTime()).toBeGreaterThanOrEqual(new Date(request.expiresAt).getTime());
    await expect(decideApproval(t.db, responder, request.id, { decision: "approve", reason: "too late" })).rejects.toMatchObject({ status: 409 });
    const [entry] = await t.db.select().from(auditEntries).where(eq(auditEntries.targetId, request.id)).orderBy(auditEntries.id);
    expect(entry?.action).toBe("approval.requested");
  });

  it("may be answered by the agent's owner whatever their role, not by another viewer, and only once", async () => {
    const request = await ask();
    await expect(decideApproval(t.db, viewer, request.id, { decision: "approve", reason: "why not" })).rejects.toMatchObject({ status: 403 });
    const results = await Promise.allSettled([
      decideApproval(t.db, owner, request.id, { decision: "deny", reason: "not without Jordan" }),
      decideApproval(t.db, responder, request.id, { decision: "approve", reason: "fine" }),
    ]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    expect(results.filter((result) => result.status === "rejected").map((result) => (result as PromiseRejectedResult).reason.status)).toEqual([409]);
  });

  it("are asked only by agents, seen only by their own agent, and need a reason", async () => {
    await expect(requestApproval(t.db, responder, requestApprovalInput.parse({ action: { kind: "other", summary: "x" } }))).rejects.toMatchObject({ status: 403 });
    const request = await ask();
    const other = await createAgent(t.db);
    const otherToken = await issueAgentToken(t.db, responder, other.id, {});
    const stranger: AgentCaller = { type: "agent", id: other.id, name: other.name, tokenId: otherToken.id, scopes: [] };
    await expect(getApproval(t.db, stranger, request.id)).rejects.toMatchObject({ status: 404 });
    await expect(decideApproval(t.db, responder, request.id, { decision: "approve", reason: "" })).rejects.toThrow();
    const queue = await listApprovals(t.db, viewer);
    expect(queue.pending.map((approval) => approval.id)).toContain(request.id);
    expect(() => requestApprovalInput.parse({ action: { kind: "launch_rockets", summary: "x" } })).toThrow(/kind is one of/);
  });

  it("tell agents what needs approval", async () => {
    const requirements = await approvalRequirements(t.db, caller);
    expect(requirements.map((requirement) => requirement.rule).sort()).toEqual(["approval-required", "unapproved-post"]);
    expect(requirements.find((requirement) => requirement.rule === "unapproved-post")?.targetTypes).toContain("forum");
  });
});
