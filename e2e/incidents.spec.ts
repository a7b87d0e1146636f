import { execFileSync } from "node:child_process";
import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { addPersonAsAdmin, gotoReady, signIn } from "./fixtures/session";

test("a responder declares a SEV1 from an agent, contains it, resolves it and downloads the reports", async ({ page }, testInfo) => {
  await signIn(page);
  const name = `incident-bot-${Date.now()}`;
  const agent = await (await page.request.post("/api/v1/agents", { data: { name, owner: "dana@example.com", scopes: ["forum:post"] } })).json();
  const token = await (await page.request.post(`/api/v1/agents/${agent.id}/tokens`, { data: {} })).json();
  await page.context().clearCookies();

  const responder = await addPersonAsAdmin(page, "responder");
  await signIn(page, responder.email, responder.password);
  await gotoReady(page, `/agents/${agent.id}`);
  await page.getByRole("link", { name: "Declare incident" }).click();
  await page.locator("html[data-hydrated]").waitFor();
  const form = page.getByRole("form", { name: "Declare incident" });
  await expect(form.getByRole("button", { name: `Remove ${name}` })).toBeVisible();
  await form.getByLabel("Title").fill(`${name} posted unapproved advice`);
  await expect(form.getByRole("radio", { name: /SEV1/ })).toBeChecked();
  await form.getByRole("button", { name: "Declare incident" }).click();

  await expect(page.getByRole("heading", { level: 1, name: /posted unapproved advice/ })).toBeVisible();
  await expect(page.getByText("investigating", { exact: true }).first()).toBeVisible();
  await page.getByRole("button", { name: "Contain all 1 agent" }).click();
  await page.getByRole("dialog").getByLabel(/Reason/).fill("declared SEV1: unapproved advice");
  await page.getByRole("dialog").getByRole("button", { name: "Contain all" }).click();
  await expect(page.getByText("contained", { exact: true }).first()).toBeVisible();
  await expect(page.getByText(`by ${responder.email}`).first()).toBeVisible();

  await page.getByRole("button", { name: "Resolve" }).click();
  await expect(page.getByText("resolved", { exact: true }).first()).toBeVisible();

  for (const format of ["pdf", "md"] as const) {
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: `Report .${format}` }).click()]);
    const file = testInfo.outputPath(`report.${format}`);
    await download.saveAs(file);
    const raw = format === "pdf" ? execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" }) : fs.readFileSync(file, "utf8");
    const text = raw.replace(/\s+/g, " "); // PDF lines wrap long titles
    if (format === "pdf") expect(fs.readFileSync(file).subarray(0, 5).toString()).toBe("%PDF-");
    expect(text).toContain(`${name} posted unapproved advice`);
    expect(text).toContain(token.prefix);
    expect(text).toMatch(/SHA-256/);
  }
});
