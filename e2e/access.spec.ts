import { expect, test } from "@playwright/test";
import { addPersonAsAdmin, gotoReady, signIn } from "./fixtures/session";

test("health answers once the database is migrated", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ status: "ok" });
});

test("anonymous callers are sent to sign-in, and the API answers 401 in JSON", async ({ page, request }) => {
  await gotoReady(page, "/incidents");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fincidents$/);
  const api = await request.get("/api/v1/users");
  expect(api.status()).toBe(401);
  expect((await api.json()).error.code).toBe("unauthorized");
  const me = await request.get("/api/v1/me");
  expect(me.status()).toBe(401);
});

test("a viewer reads the console but gets 403 from admin pages and APIs", async ({ page }) => {
  const viewer = await addPersonAsAdmin(page, "viewer");
  await signIn(page, viewer.email, viewer.password);
  await expect(page.getByRole("button", { name: /viewer/ })).toBeVisible();
  await expect(page.getByRole("link", { name: /Settings/ })).toHaveCount(0);
  await page.getByRole("link", { name: /Audit/ }).click();
  await expect(page.getByRole("heading", { name: "Audit", exact: true })).toBeVisible();

  const settings = await page.goto("/settings");
  expect(settings?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: /does not allow/ })).toBeVisible();

  const list = await page.request.get("/api/v1/users");
  expect(list.status()).toBe(403);
  expect((await list.json()).error.code).toBe("forbidden");
  const create = await page.request.post("/api/v1/users", {
    data: { email: "sneaky@example.test", name: "Sneaky", role: "admin" },
  });
  expect(create.status()).toBe(403);
  expect((await page.request.get("/api/v1/me")).status()).toBe(200);
});

test("a responder cannot manage people either", async ({ page }) => {
  const responder = await addPersonAsAdmin(page, "responder");
  await signIn(page, responder.email, responder.password);
  expect((await page.request.get("/api/v1/users")).status()).toBe(403);
  expect((await page.goto("/settings"))?.status()).toBe(403);
});

test("an admin gets clear 4xx errors for bad input and nothing is created", async ({ page }) => {
  await signIn(page);
  const bad = await page.request.post("/api/v1/users", { data: { email: "not-an-email", name: "", role: "root" } });
  expect(bad.status()).toBe(400);
  const body = await bad.json();
  expect(body.error.code).toBe("invalid_input");
  expect(body.error.details.map((detail: { path: string }) => detail.path)).toEqual(
    expect.arrayContaining(["email", "name", "role"]),
  );
  const wrongType = await page.request.post("/api/v1/users", {
    headers: { "content-type": "text/plain" },
    data: "email=x",
  });
  expect(wrongType.status()).toBe(415);
  const users = await (await page.request.get("/api/v1/users")).json();
  expect(users.users.some((user: { email: string }) => user.email === "not-an-email")).toBe(false);
});

test("pages carry a strict, per-response CSP and every response the hardening headers", async ({ page, request }) => {
  const first = await request.get("/sign-in");
  const second = await request.get("/sign-in");
  const policy = first.headers()["content-security-policy"] ?? "";
  expect(policy).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
  expect(policy).toContain("frame-ancestors 'none'");
  expect(policy).not.toContain("unsafe-eval");
  expect(second.headers()["content-security-policy"]).not.toBe(policy); // a fresh nonce each time
  const api = await request.get("/api/health");
  expect(api.headers()["x-frame-options"]).toBe("DENY");
  expect(api.headers()["x-content-type-options"]).toBe("nosniff");
  expect(api.headers()["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'");

  // The pages still work under the policy: nothing was blocked while signing in and browsing.
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  await signIn(page);
  await gotoReady(page, "/timeline");
  await expect(page.getByText("Live", { exact: true })).toBeVisible();
  expect(violations).toEqual([]);
});
