// Issue 9 end to end: the March 2026 case replayed live. `npm run simulate` drives the
// server through its public APIs; the alert appears in the open console; a responder
// declares a SEV1 from it, contains the agent, reads the blast radius, resolves the
// incident and exports the report. The test reports the interactions and seconds from
// the alert appearing to introspection denying the agent's token.
import { spawn } from "node:child_process";
import path from "node:path";
import { type Locator, expect, test } from "@playwright/test";
import { E2E_ADMIN } from "./fixtures/constants";
import { gotoReady, signIn } from "./fixtures/session";

function simulate(baseURL: string, run: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [path.resolve("node_modules/tsx/dist/cli.mjs"), "scripts/simulate.ts", "--url", baseURL, "--speed", "max", "--size", "small", "--run", run],
      { env: { ...process.env, TOURNIQUET_ADMIN_EMAIL: E2E_ADMIN.email, TOURNIQUET_ADMIN_PASSWORD: E2E_ADMIN.password } },
    );
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("exit", (code) => resolve({ code, output }));
  });
}

test("the Sev 1 replay: alert live, SEV1 declared, agent contained, blast radius, resolved, report exported", async ({ page, baseURL }) => {
  test.setTimeout(180_000);
  await signIn(page);
  const run = `e2e${Date.now().toString(36)}`;
  const agentName = `eng-forum-assistant-${run}`;
  const server = await (await page.request.post("/api/v1/resource-servers", { data: { name: `replay-${run}` } })).json();
  const basic = `Basic ${Buffer.from(`${server.clientId}:${server.clientSecret}`).toString("base64")}`;

  await gotoReady(page, "/alerts");
  const simulation = simulate(baseURL ?? "", run);

  // The alert arrives while the page is open: no reload.
  const row = page.locator('[data-testid="alert"][data-rule="unapproved-post"]').filter({ hasText: agentName });
  await expect(row).toBeVisible({ timeout: 60_000 });
  const alertAppeared = Date.now();
  const finished = await simulation;
  expect(finished.code, finished.output).toBe(0);
  // The key the simulator made (it registers unknown agents) does not outlive the run.
  const { ingestKeys } = await (await page.request.get("/api/v1/ingest-keys")).json();
  expect(ingestKeys.find((key: { name: string }) => key.name === `simulate ${run}`)?.revokedAt).toBeTruthy();

  // A token of the agent to check with, as a resource server would (the simulator keeps its own).
  const agentId = (await row.getByRole("link", { name: agentName }).getAttribute("href"))?.split("/").pop() ?? "";
  const { token } = await (await page.request.post(`/api/v1/agents/${agentId}/tokens`, { data: {} })).json();
  const introspect = async () => (await page.request.post("/api/oauth/introspect", { form: { token }, headers: { authorization: basic } })).json();
  expect((await introspect()).active).toBe(true);

  let clicks = 0;
  let other = 0;
  const click = async (target: Locator) => {
    clicks += 1;
    await target.click();
  };

  // The story's alerts are one case; the case declares (its lead alert is the first restricted read).
  const storyCase = page.getByTestId("alert-case").filter({ has: row });
  await expect(storyCase.getByTestId("alert")).toHaveCount(3);
  await click(storyCase.getByRole("button", { name: "Declare incident" }));
  const declare = page.getByRole("dialog");
  await expect(declare.getByLabel("Title")).toHaveValue(new RegExp(`Sensitive data outside the agent's scopes: ${agentName}`));
  await expect(declare.getByLabel("Severity")).toHaveValue("SEV1");
  await declare.getByLabel("Severity").selectOption("SEV1");
  other += 1;
  await click(declare.getByRole("button", { name: "Declare incident" }));
  await page.waitForURL(/\/incidents\/[0-9a-f-]{36}$/);
  await page.locator("html[data-hydrated]").waitFor();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("SEV1");

  await click(page.getByRole("button", { name: /Contain all 1 agent/ }));
  const contain = page.getByRole("dialog");
  await contain.getByLabel(/Reason/).fill("posted unapproved advice on the forum; restricted data exposed");
  other += 1;
  const contained = page.waitForResponse((response) => /\/api\/v1\/incidents\/[^/]+\/contain$/.test(response.url()));
  await click(contain.getByRole("button", { name: "Contain all" }));
  expect((await contained).status()).toBe(200);
  expect(await introspect()).toEqual({ active: false });
  const seconds = (Date.now() - alertAppeared) / 1000;
  const summary = `alert to introspection denying: ${clicks} clicks and ${other} fields, ${seconds.toFixed(1)} s`;
  test.info().annotations.push({ type: "sev1-replay", description: summary });
  console.log(`[sev1-replay] ${summary}`);

  // The blast radius: who read the restricted data set after the widening.
  await page.reload();
  await page.locator("html[data-hydrated]").waitFor();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("contained");
  const radius = page.locator("section, div").filter({ has: page.getByRole("heading", { name: "Blast radius" }) }).last();
  await expect(radius).toContainText(/[1-9]\d* people accessed sensitive data/);
  await expect(radius).toContainText("analytics.user_events_pii");
  await expect(page.getByTestId("incident-alert").filter({ hasText: "unapproved-post" })).toBeVisible();

  await page.getByRole("button", { name: "Resolve" }).click();
  await page.getByRole("dialog").getByLabel("Resolution summary").fill("Contained; the post was removed.");
  await page.getByRole("dialog").getByRole("checkbox").check();
  await page.getByRole("dialog").getByRole("button", { name: "Resolve" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("resolved");
  // Closing the story closes all of it: the reads, the post and the widening.
  const incidentId = page.url().split("/").pop() ?? "";
  const linked = await (await page.request.get(`/api/v1/alerts?incidentId=${incidentId}`)).json();
  expect(linked.alerts.map((alert: { rule: string }) => alert.rule).sort()).toEqual(
    expect.arrayContaining(["permission-widening", "restricted-outside-scope", "unapproved-post"]),
  );
  expect(linked.alerts.every((alert: { status: string }) => alert.status === "resolved")).toBe(true);

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Report .md" }).click();
  const file = await (await download).path();
  const { readFile } = await import("node:fs/promises");
  const report = await readFile(file, "utf8");
  expect(report).toContain(agentName);
  expect(report).toContain("## Evidence");
  expect(report).toMatch(/ALR-\d+ high unapproved-post/);
  expect(report).toContain("## Impact");
});
