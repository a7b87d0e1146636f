// Single sign-on as providers behave: email only from userinfo, the console opened at
// 127.0.0.1 or at localhost, a person from a domain not allowed refused in words, and
// the provider's groups giving and taking away a role (AUTH_OIDC_ROLE_MAP in e2e/server.ts).
import { expect, test } from "@playwright/test";
import { E2E_PORT } from "./fixtures/constants";
import { accountGroups, startIdentityProvider } from "./fixtures/identity-provider";
import { gotoReady } from "./fixtures/session";

const origins = [`http://127.0.0.1:${E2E_PORT}`, `http://localhost:${E2E_PORT}`];

let idp: { close(): Promise<void> };
test.beforeAll(async () => {
  // The library's default claim placement: the ID token carries only sub.
  idp = await startIdentityProvider(origins, { claimsInIdToken: false });
});
test.afterAll(() => idp.close());

async function signInThroughIdp(page: import("@playwright/test").Page, origin: string, login: string) {
  await gotoReady(page, `${origin}/sign-in`);
  await page.getByRole("button", { name: "Continue with Test IdP" }).click();
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill("anything");
  await page.locator('button[type="submit"]').click();
  await page.locator('button[type="submit"]').click(); // consent
  await page.waitForURL((url) => url.origin === origin);
}

for (const origin of origins) {
  test(`email only in userinfo signs in at ${new URL(origin).hostname}`, async ({ page }) => {
    const email = `userinfo-${Date.now()}@example.test`;
    await signInThroughIdp(page, origin, email);
    await expect(page.locator("main#main")).toBeVisible();
    const me = await (await page.request.get(`${origin}/api/v1/me`)).json();
    expect(me).toMatchObject({ email, role: "viewer" });
  });
}

test("a person from a domain that is not allowed is refused with a message", async ({ page }) => {
  await signInThroughIdp(page, origins[0] ?? "", `outsider-${Date.now()}@elsewhere.test`);
  await expect(page).toHaveURL(/\/sign-in\?.*reason=domain_not_allowed/);
  await expect(page.getByRole("alert").filter({ hasText: "Your email domain is not allowed to sign in to Tourniquet." })).toBeVisible();
  expect((await page.request.get(`${origins[0]}/api/v1/me`)).status()).toBe(401);
});

test("a person in a mapped group gets its role and loses it after leaving the group and signing in again", async ({ browser }) => {
  test.setTimeout(90_000); // three sign-ins through the provider
  const origin = origins[0] ?? "";
  const email = `grouped-${Date.now()}@example.test`;
  accountGroups.set(email, ["tq-secops", "unmapped"]);
  const first = await browser.newContext();
  const page = await first.newPage();
  await signInThroughIdp(page, origin, email);
  expect(await (await page.request.get(`${origin}/api/v1/me`)).json()).toMatchObject({ email, role: "responder" });

  accountGroups.set(email, ["unmapped"]);
  const second = await browser.newContext();
  const again = await second.newPage();
  await signInThroughIdp(again, origin, email);
  await expect(again).toHaveURL(/\/sign-in\?.*reason=no_mapped_group/);
  await expect(again.getByRole("alert").filter({ hasText: "no longer in a group that gives access" })).toBeVisible();
  // The session opened while in the group ends too.
  expect((await page.request.get(`${origin}/api/v1/me`)).status()).toBe(401);

  accountGroups.set(email, ["tq-admins"]);
  const third = await browser.newContext();
  const back = await third.newPage();
  await signInThroughIdp(back, origin, email);
  expect(await (await back.request.get(`${origin}/api/v1/me`)).json()).toMatchObject({ email, role: "admin" });
  await Promise.all([first.close(), second.close(), third.close()]);
});
