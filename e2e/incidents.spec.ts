import { execFileSync } from "node:child_process";
import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { addPersonAsAdmin, gotoReady, signIn } from "./fixtures/session";

test("a responder declares a SEV1 from an agent, contains it, resolves it and downloads the reports", async ({ page }, testInfo) => {
  // About 20 s on a quiet machine (three sign-ins, a containment, reports); 30 s ran out on a loaded one.
  test.setTimeout(60_000);
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

  // The review, written on the page, goes into the report.
  const review = page.getByRole("form", { name: "Post-incident review" });
  await review.getByLabel("Root cause").fill("The agent could post without asking its owner.");
  await review.getByRole("button", { name: "Add follow-up" }).click();
  await review.getByLabel("Follow-up 1", { exact: true }).fill("Require approval for forum posts");
  await review.getByLabel("Owner of follow-up 1").fill("dana@example.com");
  await review.getByLabel("Due date of follow-up 1").fill("2027-01-15");
  await review.getByRole("button", { name: "Save review" }).click();
  await expect(review.getByRole("status")).toContainText("Saved");

  // Resolving a SEV1 asks what resolved it and a confirmation.
  await page.getByRole("button", { name: "Resolve" }).click();
  const resolve = page.getByRole("dialog");
  await expect(resolve.getByRole("button", { name: "Resolve" })).toBeDisabled();
  await resolve.getByLabel("Resolution summary").fill("Agent contained, its post removed, readers told.");
  await expect(resolve.getByRole("button", { name: "Resolve" })).toBeDisabled();
  await resolve.getByRole("checkbox").check();
  await resolve.getByRole("button", { name: "Resolve" }).click();
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
    for (const heading of ["Executive summary", "Impact", "Timeline", "Root cause and contributing factors", "Containment", "Follow-ups", "Evidence", "Appendix: full action log"]) {
      expect(text).toContain(heading);
    }
    expect(text).toContain("Require approval for forum posts");
    expect(text).toContain("Agent contained, its post removed");
    if (format === "pdf") expect(text).toMatch(/Page 1 of \d+/);
  }
});
