// Issue 7 end to end: an agent's unapproved forum post is ingested, the rule fires,
// the incident is declared and the agent contained automatically, and the console
// shows it all live; and an agent that asks first waits for a responder's answer.
import { type APIRequestContext, expect, test } from "@playwright/test";
import { gotoReady, signIn } from "./fixtures/session";

async function setUp(request: APIRequestContext, prefix: string) {
  const agent = await (await request.post("/api/v1/agents", { data: { name: `${prefix}-${Date.now()}`, owner: "dana.kim@example.com", team: "Developer Experience", scopes: ["forum:read", "forum:post"] } })).json();
  const issued = await (await request.post(`/api/v1/agents/${agent.id}/tokens`, { data: {} })).json();
  const ingest = await (await request.post("/api/v1/ingest-keys", { data: { name: `${prefix}-source-${Date.now()}` } })).json();
  const server = await (await request.post("/api/v1/resource-servers", { data: { name: `${prefix}-rs-${Date.now()}` } })).json();
  return { agent, token: issued.token as string, ingestKey: ingest.key as string, basic: `Basic ${Buffer.from(`${server.clientId}:${server.clientSecret}`).toString("base64")}` };
}

const forumPost = (agent: string, extra: Record<string, unknown> = {}) => ({
  id: `post-${Date.now()}-${Math.random()}`,
  agent,
  occurredAt: new Date().toISOString(),
  kind: "message_post",
  tool: "forum.post_reply",
  target: { type: "forum", id: "eng-forum/4821", sensitivity: "internal", uri: "https://forum.example.com/t/4821" },
  onBehalfOf: "jordan.lee@example.com",
  outcome: "allowed",
  summary: "Posted: add all-engineering to data-platform-readers",
  ...extra,
});

test("an unapproved forum post trips the circuit breaker: alert, incident and containment appear live", async ({ page }) => {
  await signIn(page);
  const { agent, token, ingestKey, basic } = await setUp(page.request, "forum-bot");
  // Only this agent, so other specs sharing the server are not contained by it.
  const rule = await page.request.patch("/api/v1/rules/unapproved-post", { data: { response: "contain", agents: { include: [agent.id] } } });
  expect(rule.status()).toBe(200);
  try {
    await gotoReady(page, "/alerts");
    const row = page.locator('[data-testid="alert"][data-rule="unapproved-post"]').filter({ hasText: agent.name });
    await expect(row).toHaveCount(0);

    const sent = await page.request.post("/api/v1/actions", { headers: { authorization: `Bearer ${ingestKey}` }, data: { actions: [forumPost(agent.name)] } });
    expect((await sent.json()).accepted).toBe(1);
    // The call has returned: the agent's token is already dead for every resource server.
    const introspection = await (await page.request.post("/api/oauth/introspect", { form: { token }, headers: { authorization: basic } })).json();
    expect(introspection).toEqual({ active: false });

    // No reload: the change stream brings the alert, the incident and the containment.
    await expect(row).toHaveCount(1);
    await expect(row).toContainText("Post to a shared place without approval");
    await expect(row.getByText(/contained automatically · INC-\d+/)).toBeVisible();
    await expect(row.getByText("contained", { exact: true })).toBeVisible();
    await expect(page.getByTestId("waiting-alerts")).toBeVisible();
    // The token check after containment is itself an attempt: it raised its own alert.
    await expect(page.locator('[data-testid="alert"][data-rule="use-after-containment"]').filter({ hasText: agent.name })).toHaveCount(1);

    await row.getByRole("link", { name: /^INC-\d+$/ }).click();
    await page.locator("html[data-hydrated]").waitFor();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("contained");
    await expect(page.getByTestId("incident-alert").filter({ hasText: "unapproved-post" })).toContainText("contained automatically");
    await expect(page.getByText(`rule:unapproved-post`).first()).toBeVisible();
    await expect(page.getByText(agent.name).first()).toBeVisible();
  } finally {
    await page.request.patch("/api/v1/rules/unapproved-post", { data: { response: "alert", agents: { include: [] } } });
  }
});

test("an agent that asks first waits until a responder approves, and its post is linked to the approval", async ({ page }) => {
  await signIn(page);
  const { agent, token, ingestKey } = await setUp(page.request, "asking-bot");
  const asAgent = { authorization: `Bearer ${token}` };

  const requirements = await (await page.request.get("/api/v1/approvals/requirements", { headers: asAgent })).json();
  expect(requirements.requirements.map((requirement: { rule: string }) => requirement.rule)).toContain("unapproved-post");

  await gotoReady(page, "/approvals");
  const created = await page.request.post("/api/v1/approvals", {
    headers: asAgent,
    data: { action: { kind: "message_post", tool: "forum.post_reply", target: { type: "forum", id: "eng-forum/4822" }, summary: `Reply for ${agent.name}` }, onBehalfOf: "jordan.lee@example.com" },
  });
  expect(created.status()).toBe(201);
  const approval = await created.json();
  expect(approval.status).toBe("pending");

  // The agent waits (long-poll) while the request appears live in the queue.
  const started = Date.now();
  const waiting = page.request.get(`/api/v1/approvals/${approval.id}?wait=25`, { headers: asAgent, timeout: 30_000 });
  const card = page.getByTestId("approval").filter({ hasText: `Reply for ${agent.name}` });
  await expect(card).toBeVisible();
  await expect(page.getByTestId("waiting-approvals")).toBeVisible();
  await card.getByRole("textbox").fill("Jordan asked for it; the answer is right");
  await card.getByRole("button", { name: "Approve" }).click();
  const answer = await (await waiting).json();
  expect(answer).toMatchObject({ status: "approved", reason: "Jordan asked for it; the answer is right" });
  expect(Date.now() - started).toBeLessThan(25_000);
  await expect(card).toHaveCount(0);
  await expect(page.getByText("Jordan asked for it; the answer is right")).toBeVisible();

  // The post names its approval, on the thread it asked about: no alert, and the timeline links the two.
  const post = forumPost(agent.name, { approvalId: approval.id, target: { type: "forum", id: "eng-forum/4822", sensitivity: "internal" } });
  await page.request.post("/api/v1/actions", { headers: { authorization: `Bearer ${ingestKey}` }, data: { actions: [post] } });
  const alerts = await (await page.request.get(`/api/v1/alerts?agentId=${agent.id}&status=open`)).json();
  expect(alerts.alerts).toEqual([]);
  await gotoReady(page, `/timeline?agentId=${agent.id}`);
  await page.getByText("Posted: add all-engineering").first().click();
  await expect(page.getByTestId("approval-link")).toContainText("approved");
});

test("admins tune a rule in Settings", async ({ page }) => {
  await signIn(page);
  await gotoReady(page, "/settings");
  const rule = page.getByTestId("rule").filter({ has: page.getByText("rate-spike", { exact: true }) });
  await rule.getByLabel("Times the baseline").fill("12");
  await rule.getByRole("button", { name: "Save rate-spike" }).click();
  await expect(rule.getByRole("status")).toContainText("Saved");
  const saved = await (await page.request.get("/api/v1/rules/rate-spike")).json();
  expect(saved.params.factor).toBe(12);
  await page.request.patch("/api/v1/rules/rate-spike", { data: { params: { factor: 10 } } });
});
