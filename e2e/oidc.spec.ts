// Single sign-on with a real OpenID Connect provider: a first-time person gets the
// default role (viewer), and a known email keeps the role an admin gave it.
import { expect, test } from "@playwright/test";
import { E2E_ADMIN, E2E_PORT } from "./fixtures/constants";
import { startIdentityProvider } from "./fixtures/identity-provider";
import { gotoReady } from "./fixtures/session";

// One host throughout: the sign-in action builds its redirect URI from the Host
// header, while Auth.js's callback route builds it from the server's own URL
// (localhost); they must agree or the provider refuses the code (redirect_uri mismatch).
const origin = `http://localhost:${E2E_PORT}`;
test.use({ baseURL: origin });

let idp: { close(): Promise<void> };
test.beforeAll(async () => {
  idp = await startIdentityProvider(origin);
});
test.afterAll(() => idp.close());

async function signInThroughIdp(page: import("@playwright/test").Page, login: string) {
  await gotoReady(page, "/sign-in");
  await page.getByRole("button", { name: "Continue with Test IdP" }).click();
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill("anything");
  await page.locator('button[type="submit"]').click();
  await page.locator('button[type="submit"]').click(); // consent
  await page.waitForURL((url) => url.origin === origin && !url.pathname.startsWith("/sign-in"));
}

test("a first-time person signs in through the identity provider as a viewer", async ({ page }) => {
  const email = `sso-${Date.now()}@example.test`;
  await signInThroughIdp(page, email);
  await expect(page.locator("main#main")).toBeVisible();
  const me = await (await page.request.get("/api/v1/me")).json();
  expect(me).toMatchObject({ email, role: "viewer" });
  expect((await page.request.get("/api/v1/users")).status()).toBe(403);
});

test("a known email signs in through the identity provider with the role an admin gave it", async ({ page }) => {
  await signInThroughIdp(page, E2E_ADMIN.email);
  const me = await (await page.request.get("/api/v1/me")).json();
  expect(me).toMatchObject({ email: E2E_ADMIN.email, role: "admin" });
});
