// Issue 18, the responder's minute: a fresh case is contained and declared from the
// keyboard in two commands with the result on screen at once; containing first and
// declaring later keeps the true containment time; a stopped server is said to be
// offline and a contain attempt says it was NOT applied.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { type APIRequestContext, type Page, expect, test } from "@playwright/test";
import { E2E_PORT } from "./fixtures/constants";
import { gotoReady, signIn } from "./fixtures/session";

/** The March 2026 pattern for a fresh agent: restricted read, unapproved post, a person widening the same data set. */
async function story(request: APIRequestContext, tag: string) {
  const run = `${tag}-${Date.now().toString(36)}`;
  const agent = await (
    await request.post("/api/v1/agents", { data: { name: `forum-helper-${run}`, owner: "dana.kim@example.com", team: "Developer Experience", scopes: ["forum:read", "forum:post"] } })
  ).json();
  await request.post(`/api/v1/agents/${agent.id}/tokens`, { data: {} });
  const ingest = await (await request.post("/api/v1/ingest-keys", { data: { name: `minute-${run}` } })).json();
  const dataset = { type: "table", id: `analytics.pii_${run}`, sensitivity: "restricted" };
  const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();
  const sent = await request.post("/api/v1/actions", {
    headers: { authorization: `Bearer ${ingest.key}` },
    data: {
      actions: [
        { id: `read-${run}`, agent: agent.name, occurredAt: minutesAgo(6), kind: "data_read", tool: "warehouse.query", target: dataset, outcome: "allowed", summary: "Read the access policy" },
        { id: `post-${run}`, agent: agent.name, occurredAt: minutesAgo(5), kind: "message_post", tool: "forum.post_reply", target: { type: "forum", id: `eng-forum/${run}`, sensitivity: "internal" }, outcome: "allowed", summary: "Posted: add all-engineering" },
        {
          id: `widen-${run}`,
          actor: { type: "human", id: "sam.rivera@example.com" },
          occurredAt: minutesAgo(4),
          kind: "permission_change",
          tool: "warehouse.grant",
          target: dataset,
          attributes: { "permission.effect": "widen", "permission.grantee": "group:all-engineering" },
          outcome: "allowed",
        },
      ],
    },
  });
  expect(sent.status(), await sent.text()).toBe(200);
  await request.post(`/api/v1/ingest-keys/${ingest.id}/revoke`, { data: { reason: "test done" } });
  return { agent, run, readAt: minutesAgo(6) };
}

const caseOf = (page: Page, agentName: string) => page.getByTestId("alert-case").filter({ hasText: agentName });

test("keyboard only: a fresh case is contained and declared SEV1 in two commands, shown at once without a reload", async ({ page }) => {
  await signIn(page);
  const { agent } = await story(page.request, "keys");
  await gotoReady(page, "/alerts");
  const found = caseOf(page, agent.name);
  await expect(found.getByTestId("alert")).toHaveCount(3);
  await expect(found).toContainText("suggests SEV1");
  await page.evaluate(() => ((window as unknown as { marker: number }).marker = 1));

  await found.focus();
  let commands = 0;
  // Command 1: c, then Enter confirms the prefilled reason.
  await page.keyboard.press("c");
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByLabel(/Reason/)).toHaveValue(/ALR-\d+/);
  const contained = page.waitForResponse((response) => response.url().endsWith(`/api/v1/agents/${agent.id}/contain`));
  await page.keyboard.press("Enter");
  commands += 1;
  expect((await contained).status()).toBe(200);
  await expect(found.getByRole("heading").getByText("contained", { exact: true })).toBeVisible({ timeout: 1000 });
  await expect(page.getByTestId("notice").first()).toContainText(/Contained .*token.* revoked, \d+ systems? notified/);
  await expect(found).toBeFocused();

  // Command 2: d, then Enter declares with the case's severity.
  await page.keyboard.press("d");
  await expect(page.getByRole("dialog").getByLabel("Severity")).toHaveValue("SEV1");
  await page.keyboard.press("Enter");
  commands += 1;
  await page.waitForURL(/\/incidents\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("SEV1");
  expect(commands).toBeLessThanOrEqual(3);
  // A client-side navigation: the page never reloaded.
  expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(1);
});

test("contain first, declare later: the incident keeps the containment's time, its log and report name it", async ({ page }) => {
  await signIn(page);
  const { agent, readAt } = await story(page.request, "later");
  await gotoReady(page, `/agents/${agent.id}`);
  await page.getByRole("button", { name: `Contain ${agent.name}` }).click();
  await page.getByRole("dialog").getByLabel(/Reason/).fill("contain first, declare later");
  await page.getByRole("dialog").getByRole("button", { name: `Contain ${agent.name}` }).click();
  await expect(page.getByTestId("notice").first()).toContainText(`Contained ${agent.name}`);
  const status = await (await page.request.get(`/api/v1/agents/${agent.id}/containment`)).json();
  const containedAt: string = status.current.startedAt;

  // Later, from the case.
  await page.waitForTimeout(1500);
  await gotoReady(page, "/alerts");
  const found = caseOf(page, agent.name);
  await found.getByRole("button", { name: "Declare incident" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Declare incident" }).click();
  await page.waitForURL(/\/incidents\/[0-9a-f-]{36}$/);
  const incidentId = page.url().split("/").pop() ?? "";
  const incident = await (await page.request.get(`/api/v1/incidents/${incidentId}`)).json();
  const record = incident.incident ?? incident;
  expect(record.containedAt).toBe(containedAt);
  expect(new Date(record.startedAt).getTime()).toBeLessThanOrEqual(new Date(readAt).getTime() + 1000);

  const report = await (await page.request.get(`/api/v1/incidents/${incidentId}/report?format=md`)).text();
  const section = report.split("## Containment")[1]?.split("\n## ")[0] ?? "";
  expect(section).toContain(agent.name);
  expect(section).toContain(containedAt.slice(0, 19).replace("T", " "));
  expect(section).toContain("contain first, declare later");
});

test("server stopped: the page says it is offline and a contain attempt says it was NOT applied", async ({ browser }) => {
  test.setTimeout(120_000);
  const port = E2E_PORT + 7;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "tq-e2e-offline-"));
  const admin = { email: "offline-admin@example.test", password: "offline admin password 1" };
  const server = spawn(process.execPath, [path.resolve("node_modules/tsx/dist/cli.mjs"), "scripts/start.ts"], {
    stdio: "ignore",
    env: { ...process.env, PORT: String(port), TOURNIQUET_DATA_DIR: dataDir, TOURNIQUET_ADMIN_EMAIL: admin.email, TOURNIQUET_ADMIN_PASSWORD: admin.password, TOURNIQUET_DEMO_DATA: "false", DATABASE_URL: "", TOURNIQUET_PUBLIC_URL: `http://127.0.0.1:${port}` },
  });
  const stopped = new Promise((resolve) => server.once("exit", resolve));
  try {
    const base = `http://127.0.0.1:${port}`;
    await expect(async () => expect((await fetch(`${base}/api/health`)).ok).toBe(true)).toPass({ timeout: 90_000, intervals: [500] });
    const context = await browser.newContext({ baseURL: base });
    const page = await context.newPage();
    await signIn(page, admin.email, admin.password);
    const { agent } = await story(page.request, "offline");
    await gotoReady(page, "/alerts");
    await expect(page.getByTestId("connection-state")).toHaveAttribute("data-state", "live");
    const found = caseOf(page, agent.name);
    await expect(found).toBeVisible();

    server.kill("SIGTERM");
    await stopped;
    await expect(page.getByTestId("connection-state")).toHaveAttribute("data-state", "offline", { timeout: 15_000 });
    await expect(page.getByTestId("connection-state")).toContainText("Offline");
    await expect(page.getByTestId("alerts-connection")).toContainText("Offline");

    await found.getByRole("button", { name: `Contain ${agent.name}` }).click();
    await page.getByRole("dialog").getByRole("button", { name: `Contain ${agent.name}` }).click();
    await expect(page.getByRole("dialog").getByRole("alert")).toHaveText("Containment NOT applied: the server did not answer.");
    await context.close();
  } finally {
    server.kill("SIGKILL");
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
