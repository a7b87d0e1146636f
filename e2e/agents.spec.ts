import { expect, test } from "@playwright/test";
import { addPersonAsAdmin, gotoReady, signIn } from "./fixtures/session";

test("the inventory shows the demo company and filters, searches and sorts through the URL", async ({ page }) => {
  await signIn(page);
  await gotoReady(page, "/agents");
  const count = await page.getByText(/^\d+ agents/).textContent();
  expect(Number.parseInt(count ?? "0", 10)).toBeGreaterThanOrEqual(30);
  await page.getByLabel("Risk").selectOption("high");
  await expect(page).toHaveURL(/risk=high/);
  const rows = page.locator("tbody tr");
  await expect(rows.first()).toBeVisible();
  for (const badge of await rows.getByText(/risk$/).allTextContents()) expect(badge).toBe("high risk");

  await gotoReady(page, "/agents");
  await page.keyboard.press("/");
  await page.keyboard.type("forum");
  await expect(page).toHaveURL(/q=forum/);
  await expect(page.getByRole("link", { name: "eng-forum-assistant" })).toBeVisible();
  await expect(rows).toHaveCount(1);

  await gotoReady(page, "/agents?sort=liveTokens&order=desc");
  await expect(page.getByRole("columnheader", { name: /Live tokens/ })).toHaveAttribute("aria-sort", "descending");
});

test("a responder registers an agent with inline errors, issues a token once, and revokes it with a reason", async ({ page }) => {
  const responder = await addPersonAsAdmin(page, "responder");
  await signIn(page, responder.email, responder.password);
  await gotoReady(page, "/agents/new");
  const form = page.getByRole("form", { name: "Register agent" });
  await form.getByRole("button", { name: "Register agent" }).click();
  await expect(form.getByText("Every agent needs an accountable owner.")).toBeVisible();

  await form.getByLabel("Name").fill("eng-forum-assistant");
  await form.getByLabel("Owner (accountable human)").fill("dana@example.com");
  await form.getByRole("button", { name: "Register agent" }).click();
  await expect(form.getByText("This name is taken.")).toBeVisible();

  const name = `e2e-agent-${Date.now()}`;
  await form.getByLabel("Name").fill(name);
  await form.getByLabel("Scopes").fill("forum:read forum:post iam:write");
  await form.getByRole("button", { name: "Register agent" }).click();
  await expect(page.getByRole("heading", { level: 1, name: new RegExp(name) })).toBeVisible();
  await expect(page.getByText("high risk").first()).toBeVisible();
  await expect(page.getByText("can change permissions (iam:write)")).toBeVisible();

  await page.getByRole("button", { name: "Issue token" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByRole("checkbox", { name: "iam:write" }).uncheck();
  await dialog.getByRole("button", { name: "Issue token" }).click();
  const secret = await dialog.getByTestId("secret").textContent();
  expect(secret).toMatch(/^tq_at_[A-Za-z0-9_-]{43}$/);
  await dialog.getByRole("button", { name: "Done" }).click();
  await expect(page.getByText("1 live token")).toBeVisible();
  await page.reload();
  await expect(page.getByText(secret ?? "")).toHaveCount(0);

  await page.getByRole("button", { name: /^Revoke token/ }).click();
  const confirm = page.getByRole("dialog");
  await expect(confirm.getByRole("button", { name: "Revoke token" })).toBeDisabled();
  await confirm.getByLabel(/Reason/).fill("rotating after the forum incident");
  await confirm.getByRole("button", { name: "Revoke token" }).click();
  await expect(page.getByText("rotating after the forum incident")).toBeVisible();
  await expect(page.getByText("0 live tokens")).toBeVisible();
});

test("a viewer reads agents but cannot register them or issue tokens", async ({ page }) => {
  const viewer = await addPersonAsAdmin(page, "viewer");
  await signIn(page, viewer.email, viewer.password);
  await gotoReady(page, "/agents");
  await expect(page.getByRole("link", { name: "Register agent" })).toHaveCount(0);
  await page.getByRole("link", { name: "eng-forum-assistant" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /eng-forum-assistant/ })).toBeVisible();
  await expect(page.getByRole("button", { name: "Issue token" })).toHaveCount(0);
  expect((await page.goto("/agents/new"))?.status()).toBe(403);
  const agentId = page.url().split("/").at(-1);
  const list = await (await page.request.get("/api/v1/agents?q=eng-forum")).json();
  const id = list.agents[0].id;
  expect(agentId).toBeTruthy();
  expect((await page.request.post("/api/v1/agents", { data: { name: "nope", owner: "x" } })).status()).toBe(403);
  expect((await page.request.post(`/api/v1/agents/${id}/tokens`, { data: {} })).status()).toBe(403);
  expect((await page.request.patch(`/api/v1/agents/${id}`, { data: { owner: "me" } })).status()).toBe(403);
});
