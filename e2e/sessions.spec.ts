// Sessions end when they should (issue: sessions outlive sign-out): signing out, a
// password reset, a role change or disabling the account ends every earlier session of
// that person at once, including a copied cookie, and closes their open live streams.
import { type APIRequestContext, type BrowserContext, expect, test } from "@playwright/test";
import { E2E_PORT } from "./fixtures/constants";
import { gotoReady, signIn } from "./fixtures/session";

const base = `http://127.0.0.1:${E2E_PORT}`;
let counter = 0;

async function createPerson(admin: APIRequestContext, role: "viewer" | "responder") {
  counter += 1;
  const person = { email: `session-${Date.now()}-${counter}@example.test`, password: `session password ${counter} e2e`, name: "Session E2E" };
  const response = await admin.post("/api/v1/users", { data: { ...person, role }, headers: { origin: base } });
  expect(response.status()).toBe(201);
  return { ...person, id: ((await response.json()) as { user: { id: string } }).user.id };
}

/** The person signed in in a fresh context, plus a second context holding a copy of the cookie. */
async function signedIn(contexts: () => Promise<BrowserContext>, email: string, password: string) {
  const original = await contexts();
  const page = await original.newPage();
  await signIn(page, email, password);
  const copy = await contexts();
  await copy.addCookies(await original.cookies());
  expect((await copy.request.get("/api/v1/me")).status()).toBe(200);
  return { original, page, copy };
}

test("signing out ends the session everywhere, a copied cookie included", async ({ page, browser }) => {
  await signIn(page);
  const person = await createPerson(page.request, "viewer");
  const { page: theirs, copy } = await signedIn(() => browser.newContext({ baseURL: base }), person.email, person.password);
  await theirs.getByRole("button", { name: /viewer/ }).click();
  await theirs.getByRole("button", { name: "Sign out" }).click();
  await theirs.waitForURL(/\/sign-in/);
  expect((await copy.request.get("/api/v1/me")).status()).toBe(401);
});

for (const change of [
  { label: "a password reset", data: { password: "a brand new password 42" } },
  { label: "a role change", data: { role: "responder" } },
  { label: "disabling the account", data: { disabled: true } },
] as const) {
  test(`${change.label} ends the person's earlier sessions at once`, async ({ page, browser }) => {
    await signIn(page);
    const person = await createPerson(page.request, "viewer");
    const { copy } = await signedIn(() => browser.newContext({ baseURL: base }), person.email, person.password);
    const response = await page.request.patch(`/api/v1/users/${person.id}`, { data: change.data, headers: { origin: base } });
    expect(response.status()).toBe(200);
    expect((await copy.request.get("/api/v1/me")).status()).toBe(401);
  });
}

test("a disabled person's open live stream closes at once, not at the next heartbeat", async ({ page, browser }) => {
  await signIn(page);
  const person = await createPerson(page.request, "viewer");
  const { page: theirs } = await signedIn(() => browser.newContext({ baseURL: base }), person.email, person.password);
  // Read the stream in the person's page and note when it ends.
  await theirs.evaluate(() => {
    const w = window as unknown as { streamEnded?: number; streamText?: string };
    w.streamText = "";
    void fetch("/api/v1/stream").then(async (response) => {
      const reader = response.body!.getReader();
      const decoder = new TextDecoder();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        w.streamText += decoder.decode(value);
      }
      w.streamEnded = Date.now();
    });
  });
  await expect.poll(() => theirs.evaluate(() => (window as unknown as { streamText: string }).streamText)).toContain("event: ready");
  const disabledAt = Date.now();
  expect((await page.request.patch(`/api/v1/users/${person.id}`, { data: { disabled: true }, headers: { origin: base } })).status()).toBe(200);
  await expect.poll(() => theirs.evaluate(() => (window as unknown as { streamEnded?: number }).streamEnded ?? 0), { timeout: 5000 }).toBeGreaterThan(0);
  const ended = await theirs.evaluate(() => (window as unknown as { streamEnded: number }).streamEnded);
  // The heartbeat re-check is 15 s; the change must close it well before that.
  expect(ended - disabledAt).toBeLessThan(3000);
  expect(await theirs.evaluate(() => (window as unknown as { streamText: string }).streamText)).toContain("event: revoked");
});
