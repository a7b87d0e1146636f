import { expect, test } from "@playwright/test";
import { gotoReady, signIn } from "./fixtures/session";

test("a wrong password is refused with a message and no session", async ({ page }) => {
  await gotoReady(page, "/sign-in");
  await page.getByLabel("Email").fill("e2e-admin@example.test");
  await page.getByLabel("Password").fill("not the password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "do not match" })).toBeVisible();
  expect((await page.request.get("/api/v1/me")).status()).toBe(401);
});

test("the admin signs in, sees the shell with every section, and signs out", async ({ page }) => {
  await signIn(page);
  const nav = page.getByRole("navigation", { name: "Sections" });
  for (const section of ["Overview", "Alerts", "Approvals", "Agents", "Timeline", "Incidents", "Audit", "Settings"]) {
    await expect(nav.getByRole("link", { name: new RegExp(section) })).toBeVisible();
  }
  // The overview leads with what waits for a person (other specs may have left some).
  await expect(page.getByRole("heading", { name: /Alerts waiting/ })).toBeVisible();
  await page.getByRole("button", { name: /admin/ }).click();
  await expect(page.getByText("Role: admin")).toBeVisible();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  expect((await page.request.get("/api/v1/me")).status()).toBe(401);
});

test("sections are reachable from the keyboard", async ({ page }) => {
  await signIn(page);
  // The shortcut handler exists once React has hydrated the shell.
  await page.locator("html[data-hydrated]").waitFor();
  await page.keyboard.press("g");
  await page.keyboard.press("a");
  await expect(page).toHaveURL(/\/agents$/);
  await expect(page.getByRole("link", { name: /Agents/ })).toHaveAttribute("aria-current", "page");
  await page.keyboard.press("g");
  await page.keyboard.press("u");
  await expect(page.getByRole("heading", { name: "Audit", exact: true })).toBeVisible();
  // The first Tab lands on the skip link, which moves focus to the content.
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Skip to content" })).toBeFocused();
});

test("the colour scheme is remembered across reloads", async ({ page }) => {
  await signIn(page);
  await page.getByRole("button", { name: /admin/ }).click();
  await page.getByText("dark", { exact: true }).click();
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
});

test("on a phone the sections sit behind a menu button", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 800 });
  await signIn(page);
  const nav = page.getByRole("navigation", { name: "Sections" });
  await expect(nav).toBeHidden();
  await page.getByRole("button", { name: "Menu" }).click();
  await expect(nav).toBeVisible();
  await nav.getByRole("link", { name: /Incidents/ }).click();
  await expect(page.getByRole("heading", { name: "Incidents", exact: true })).toBeVisible();
});

test("anyone who reads the console can verify the audit chain from the Audit page", async ({ page }) => {
  await signIn(page);
  await gotoReady(page, "/audit");
  await page.getByRole("button", { name: "Verify the chain" }).click();
  await expect(page.getByText(/Intact: \d+ entries verified/)).toBeVisible();
});
