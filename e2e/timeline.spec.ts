import { type APIRequestContext, expect, test } from "@playwright/test";
import { gotoReady, signIn } from "./fixtures/session";

async function ingestKey(page: import("@playwright/test").Page, unknownAgents = "reject") {
  const reply = await page.request.post("/api/v1/ingest-keys", { data: { name: `e2e-${Date.now()}`, unknownAgents } });
  expect(reply.status()).toBe(201);
  return (await reply.json()).key as string;
}

const send = (api: APIRequestContext, actions: unknown[]) => api.post("/api/v1/actions", { data: { actions } });

test("an action posted through the API appears in the open timeline, live, and pausing holds new ones back", async ({ page, playwright, baseURL }) => {
  await signIn(page);
  const key = await ingestKey(page);
  const sender = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${key}` } });
  await gotoReady(page, "/timeline");
  await expect(page.getByText("Live", { exact: true })).toBeVisible();

  const summary = `live check ${Date.now()}`;
  const posted = await send(sender, [
    {
      id: `live-${Date.now()}`,
      agent: "eng-forum-assistant",
      occurredAt: new Date().toISOString(),
      kind: "data_read",
      tool: "warehouse.query",
      target: { type: "table", id: "hr.compensation", sensitivity: "restricted" },
      onBehalfOf: "jordan.lee@example.com",
      outcome: "allowed",
      summary,
      attributes: { rows: 1200 },
    },
  ]);
  expect(await posted.json()).toMatchObject({ accepted: 1 });
  const row = page.getByRole("button", { name: new RegExp(summary) });
  await expect(row).toBeVisible({ timeout: 3000 });

  await row.click();
  const drawer = page.getByRole("dialog");
  await expect(drawer.getByRole("heading", { name: /Action #\d+/ })).toBeVisible();
  await expect(drawer.getByText('"rows": 1200')).toBeVisible();
  await expect(drawer.getByText("jordan.lee@example.com")).toBeVisible();
  await page.keyboard.press("Escape");

  await page.getByRole("button", { name: "Pause" }).click();
  const held = `held back ${Date.now()}`;
  await send(sender, [{ id: `held-${Date.now()}`, agent: "docs-search", occurredAt: new Date().toISOString(), kind: "data_read", outcome: "allowed", summary: held }]);
  await expect(page.getByText("1 new waiting")).toBeVisible();
  await expect(page.getByRole("button", { name: new RegExp(held) })).toHaveCount(0);
  await page.getByRole("button", { name: /Resume/ }).click();
  await expect(page.getByRole("button", { name: new RegExp(held) })).toBeVisible();
  await sender.dispose();
});

test("filters live in the URL and only matching live actions join the list", async ({ page, playwright, baseURL }) => {
  await signIn(page);
  const key = await ingestKey(page);
  const sender = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${key}` } });
  await gotoReady(page, "/timeline?sensitivity=restricted");
  await expect(page.getByText("Live", { exact: true })).toBeVisible();
  await expect(page.getByLabel("Sensitivity", { exact: true })).toHaveValue("restricted");
  const stamp = Date.now();
  await send(sender, [
    { id: `f-public-${stamp}`, agent: "docs-search", occurredAt: new Date().toISOString(), kind: "data_read", target: { type: "doc", id: "handbook", sensitivity: "public" }, outcome: "allowed", summary: `public ${stamp}` },
    { id: `f-restricted-${stamp}`, agent: "pii-scanner", occurredAt: new Date().toISOString(), kind: "data_read", target: { type: "table", id: "raw.customers", sensitivity: "restricted" }, outcome: "denied", summary: `restricted ${stamp}` },
  ]);
  await expect(page.getByRole("button", { name: new RegExp(`restricted ${stamp}`) })).toBeVisible();
  await expect(page.getByRole("button", { name: new RegExp(`public ${stamp}`) })).toHaveCount(0);
  await sender.dispose();
});

test("the ingest API is for ingest keys, validates each item and refuses oversized batches", async ({ page, playwright, baseURL }) => {
  await signIn(page);
  const key = await ingestKey(page);
  const sender = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${key}` } });
  const item = { id: `retry-${Date.now()}`, agent: "docs-search", occurredAt: new Date().toISOString(), kind: "other", outcome: "allowed" };
  expect(await (await send(sender, [item, { ...item, id: undefined }])).json()).toMatchObject({ accepted: 1, rejected: 1 });
  expect(await (await send(sender, [item])).json()).toMatchObject({ accepted: 0, duplicates: 1 });
  expect((await send(sender, Array.from({ length: 1001 }, (_, index) => ({ ...item, id: `n${index}` })))).status()).toBe(413);
  expect((await sender.post("/api/v1/actions", { data: { actions: [{ ...item, summary: "x".repeat(9 * 1024 * 1024) }] } })).status()).toBe(413);
  expect((await sender.post("/api/v1/actions", { data: { events: [] } })).status()).toBe(400);
  const anonymous = await playwright.request.newContext({ baseURL });
  expect((await send(anonymous, [item])).status()).toBe(401);
  expect((await send(page.request, [item])).status()).toBe(403);
  await anonymous.dispose();
  await sender.dispose();
});

test("dragging across the histogram selects that time window", async ({ page }) => {
  await signIn(page);
  await gotoReady(page, "/timeline");
  const chart = page.getByRole("img", { name: /Histogram of \d+ actions/ });
  await expect(chart).toBeVisible();
  const box = await chart.boundingBox();
  if (!box) throw new Error("no histogram");
  await page.mouse.move(box.x + box.width * 0.5, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.8, box.y + box.height / 2, { steps: 5 });
  await page.mouse.up();
  await expect(page).toHaveURL(/from=.*&to=|to=.*&from=/);
  await expect(page.getByRole("button", { name: /^window:/ })).toBeVisible();
  const url = new URL(page.url());
  const from = new Date(url.searchParams.get("from") ?? "");
  const to = new Date(url.searchParams.get("to") ?? "");
  expect(to.getTime() - from.getTime()).toBeGreaterThan(3600_000);
  expect(to.getTime() - from.getTime()).toBeLessThan(12 * 3600_000);
});

test("picking an agent in the picker filters the list and puts agentId in the URL; Clear agent removes it", async ({ page, playwright, baseURL }) => {
  await signIn(page);
  const key = await ingestKey(page);
  const sender = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${key}` } });
  const stamp = Date.now();
  await send(sender, [
    { id: `p-docs-${stamp}`, agent: "docs-search", occurredAt: new Date().toISOString(), kind: "data_read", outcome: "allowed", summary: `docs pick ${stamp}` },
    { id: `p-pii-${stamp}`, agent: "pii-scanner", occurredAt: new Date().toISOString(), kind: "data_read", outcome: "allowed", summary: `pii pick ${stamp}` },
  ]);
  await gotoReady(page, "/timeline");
  await expect(page.getByRole("button", { name: new RegExp(`docs pick ${stamp}`) })).toBeVisible();

  const picker = page.getByRole("combobox", { name: "Agent" });
  await picker.fill("pii");
  await page.getByRole("option", { name: /^pii-scanner/ }).click();
  await expect(page).toHaveURL(/[?&]agentId=[^&]+/);
  await expect(picker).toHaveValue("pii-scanner");
  await expect(page.getByRole("button", { name: new RegExp(`pii pick ${stamp}`) })).toBeVisible();
  await expect(page.getByRole("button", { name: new RegExp(`docs pick ${stamp}`) })).toHaveCount(0);

  // From the keyboard: arrows and Enter pick, and the name survives a reload.
  await picker.fill("docs-sea");
  await expect(page.getByRole("option", { name: /^docs-search/ })).toBeVisible();
  await picker.press("ArrowDown");
  await picker.press("Enter");
  await expect(page.getByRole("button", { name: new RegExp(`docs pick ${stamp}`) })).toBeVisible();
  await expect(page.getByRole("button", { name: new RegExp(`pii pick ${stamp}`) })).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole("combobox", { name: "Agent" })).toHaveValue("docs-search");

  await page.getByRole("button", { name: "Clear agent" }).click();
  await expect(page).not.toHaveURL(/agentId=/);
  await expect(page.getByRole("combobox", { name: "Agent" })).toHaveValue("");
  await expect(page.getByRole("button", { name: new RegExp(`pii pick ${stamp}`) })).toBeVisible();
  await sender.dispose();
});

test("the histogram has time and count axes, and live arrivals raise its bars", async ({ page, playwright, baseURL }) => {
  await signIn(page);
  const key = await ingestKey(page);
  const sender = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${key}` } });
  await gotoReady(page, "/timeline");
  await expect(page.getByText("Live", { exact: true })).toBeVisible();
  const chart = page.getByRole("img", { name: /Histogram of \d+ actions/ });
  await expect(chart).toBeVisible();
  // Round UTC times (HH:MM, or MM-DD at midnight) along the bottom, counts up the side.
  const timeLabels = page.getByTestId("histogram-time-axis").locator("span");
  expect(await timeLabels.count()).toBeGreaterThanOrEqual(3);
  for (const label of await timeLabels.allTextContents()) expect(label).toMatch(/^\d\d[:-]\d\d$/);
  await expect(page.getByTestId("histogram-count-axis").getByText("0", { exact: true })).toBeVisible();
  // The chart holds nothing to tab to: the From/To fields are the keyboard's way.
  expect(await chart.locator("a, button, input, [tabindex]").count()).toBe(0);

  const before = Number((await chart.getAttribute("aria-label"))?.match(/Histogram of (\d+)/)?.[1]);
  await send(sender, [
    { id: `h-${Date.now()}-1`, agent: "docs-search", occurredAt: new Date().toISOString(), kind: "data_read", outcome: "allowed" },
    { id: `h-${Date.now()}-2`, agent: "docs-search", occurredAt: new Date().toISOString(), kind: "data_read", outcome: "denied" },
  ]);
  await expect(page.getByRole("img", { name: new RegExp(`Histogram of ${before + 2} actions`) })).toBeVisible({ timeout: 3000 });
  await sender.dispose();
});

test("the list scrolls with the page, loads older actions, and nothing scrolls sideways at 390 px", async ({ page }) => {
  await signIn(page);
  await page.setViewportSize({ width: 390, height: 844 });
  await gotoReady(page, "/timeline");
  const list = page.getByTestId("action-list");
  await expect(list.getByRole("listitem").first()).toBeVisible();
  // One scroll area: the list has no scroll box of its own.
  const overflow = await list.evaluate((element) => {
    for (let node: Element | null = element; node && node !== document.body; node = node.parentElement) {
      const style = getComputedStyle(node);
      if (/(auto|scroll)/.test(style.overflowY)) return style.overflowY;
    }
    return "none";
  });
  expect(overflow).toBe("none");
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

  const loaded = page.getByText(/\d[\d,]* loaded/);
  const count = async () => Number((await loaded.textContent())?.match(/([\d,]+) loaded/)?.[1]?.replace(/,/g, ""));
  const first = await count();
  test.skip(!(await loaded.textContent())?.includes("more on scroll"), "fewer actions than one page");
  await page.mouse.wheel(0, 200 * 56);
  await expect.poll(count).toBeGreaterThan(first);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});
