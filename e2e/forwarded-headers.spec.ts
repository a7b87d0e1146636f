// Forged forwarding headers (issue: limits that do not limit). With no trusted proxy
// configured, a client-sent X-Forwarded-For (or our own peer header) changes neither the
// address an audit entry records nor the address a limit counts; and wrong secrets sent
// from one address cannot lock out a resource server calling from another.
import { expect, test } from "@playwright/test";
import { E2E_PORT } from "./fixtures/constants";
import { gotoReady, signIn } from "./fixtures/session";

test("a forged X-Forwarded-For is not the address the audit log records", async ({ page }) => {
  await signIn(page);
  const keyName = `forged-xff-${Date.now()}`;
  const created = await page.request.post("/api/v1/api-keys", {
    data: { name: keyName, role: "viewer" },
    headers: { "x-forwarded-for": "203.0.113.66", "x-real-ip": "203.0.113.67", "x-tourniquet-peer": "198.51.100.7" },
  });
  expect(created.status()).toBe(201);
  await gotoReady(page, "/audit?action=api_key.created");
  const row = page.getByRole("row").filter({ hasText: keyName });
  await expect(row).toBeVisible();
  const text = await row.innerText();
  expect(text).toContain("127.0.0.1");
  expect(text).not.toContain("203.0.113.66");
  expect(text).not.toContain("203.0.113.67");
  expect(text).not.toContain("198.51.100.7");
});

test("wrong secrets from one address do not lock a resource server out of its token checks from another", async ({ page, playwright }) => {
  await signIn(page);
  const server = await (await page.request.post("/api/v1/resource-servers", { data: { name: `lockout-${Date.now()}` } })).json();
  const basic = (secret: string) => `Basic ${Buffer.from(`${server.clientId}:${secret}`).toString("base64")}`;
  const form = { "content-type": "application/x-www-form-urlencoded" };

  // The attacker, on 127.0.0.1, changing its claimed address on every try.
  const attacker = await playwright.request.newContext({ baseURL: `http://127.0.0.1:${E2E_PORT}` });
  let last = 0;
  for (let i = 0; i < 105; i++) {
    const response = await attacker.post("/api/oauth/introspect", {
      headers: { ...form, authorization: basic(`wrong-${i}`), "x-forwarded-for": `198.51.100.${i}` },
      data: "token=tq_at_nothing",
    });
    last = response.status();
  }
  expect(last).toBe(429);

  // The real resource server, on [::1]: its checks go through.
  const real = await playwright.request.newContext({ baseURL: `http://[::1]:${E2E_PORT}` });
  const check = await real.post("/api/oauth/introspect", { headers: { ...form, authorization: basic(server.clientSecret) }, data: "token=tq_at_nothing" });
  expect(check.status()).toBe(200);
  expect(await check.json()).toEqual({ active: false });
  await attacker.dispose();
  await real.dispose();
});
