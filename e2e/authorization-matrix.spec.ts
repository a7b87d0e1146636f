// Every route handler, for every kind of caller, against the real server. A route
// that is not in the matrix, or an entry with no route, fails the test.
import { type Browser, expect, test } from "@playwright/test";
import { E2E_ADMIN } from "./fixtures/constants";
import { type CallerKind, callers, expectedFor, matrix, serverActionPolicies } from "./security/matrix";
import { routeHandlers, serverActions } from "./security/route-inventory";

const UUID = "00000000-0000-4000-8000-00000000abcd";

async function sessionCookie(browser: Browser, baseURL: string, email: string, password: string): Promise<string> {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await page.goto("/sign-in");
  await page.locator("html[data-hydrated]").waitFor();
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
  const cookies = await context.cookies();
  await context.close();
  return cookies.map((cookie) => `${cookie.name}=${cookie.value}`).join("; ");
}

test("every route handler and server action is in the matrix", () => {
  const handlers = routeHandlers().map((handler) => `${handler.method} ${handler.template}`);
  expect(handlers.filter((key) => !(key in matrix)), "routes without a matrix entry").toEqual([]);
  expect(Object.keys(matrix).filter((key) => !handlers.includes(key)), "matrix entries without a route").toEqual([]);
  expect(serverActions().sort()).toEqual(Object.keys(serverActionPolicies).sort());
});

test("each caller gets the expected status from every route", async ({ browser, baseURL }) => {
  test.setTimeout(180_000);
  const base = baseURL ?? "";
  const admin = await sessionCookie(browser, base, E2E_ADMIN.email, E2E_ADMIN.password);
  const asAdmin = (path: string, body: unknown) =>
    fetch(`${base}${path}`, { method: "POST", headers: { cookie: admin, "content-type": "application/json" }, body: JSON.stringify(body) }).then((response) => response.json());

  const stamp = Date.now();
  const people = { viewer: `matrix-viewer-${stamp}@example.test`, responder: `matrix-responder-${stamp}@example.test` };
  for (const [role, email] of Object.entries(people)) await asAdmin("/api/v1/users", { email, name: role, role, password: "matrix password 1" });
  const apiKey = (await asAdmin("/api/v1/api-keys", { name: "matrix", role: "responder" })).key;
  const ingestKey = (await asAdmin("/api/v1/ingest-keys", { name: "matrix" })).key;
  const agent = await asAdmin("/api/v1/agents", { name: `matrix-agent-${stamp}`, owner: "o", scopes: ["docs:read"] });
  const agentToken = (await asAdmin(`/api/v1/agents/${agent.id}/tokens`, {})).token;
  const revoked = await asAdmin(`/api/v1/agents/${agent.id}/tokens`, {});
  await asAdmin(`/api/v1/agents/${agent.id}/tokens/${revoked.id}/revoke`, { reason: "matrix test" });

  const credentials: Record<CallerKind, Record<string, string>> = {
    anonymous: {},
    viewer: { cookie: await sessionCookie(browser, base, people.viewer, "matrix password 1") },
    responder: { cookie: await sessionCookie(browser, base, people.responder, "matrix password 1") },
    admin: { cookie: admin },
    apiKey: { authorization: `Bearer ${apiKey}` },
    agentToken: { authorization: `Bearer ${agentToken}` },
    revokedToken: { authorization: `Bearer ${revoked.token}` },
    ingestKey: { authorization: `Bearer ${ingestKey}` },
  };

  const failures: string[] = [];
  for (const handler of routeHandlers()) {
    const policy = matrix[`${handler.method} ${handler.template}`];
    if (!policy) continue;
    const path = handler.template.replace(/\[\.\.\.[a-z]+\]/g, "no-such-endpoint").replace(/\[[a-zA-Z]+\]/g, UUID);
    const isForm = policy === "resourceServer" || policy === "oauthClient";
    for (const caller of callers) {
      const expected = expectedFor(policy, caller);
      if (expected === "skip") continue;
      const controller = new AbortController();
      const hasBody = handler.method !== "GET" && handler.method !== "DELETE";
      const response = await fetch(`${base}${path}`, {
        method: handler.method,
        headers: {
          ...credentials[caller],
          ...(hasBody ? { "content-type": isForm ? "application/x-www-form-urlencoded" : "application/json" } : {}),
        },
        body: hasBody ? (isForm ? "token=tq_at_x" : "{}") : undefined,
        redirect: "manual",
        signal: controller.signal,
      });
      controller.abort(); // the live stream never ends on its own
      const status = response.status;
      const ok =
        expected === "allow" ? status !== 401 && status !== 403 && status < 500 : status === expected;
      if (!ok) failures.push(`${handler.method} ${handler.template} as ${caller}: expected ${expected}, got ${status}`);
    }
  }
  expect(failures).toEqual([]);
});

test("no route makes a change with the session of a page on another origin", async ({ browser, baseURL }) => {
  test.setTimeout(120_000);
  const base = baseURL ?? "";
  const admin = await sessionCookie(browser, base, E2E_ADMIN.email, E2E_ADMIN.password);
  const failures: string[] = [];
  for (const handler of routeHandlers()) {
    const policy = matrix[`${handler.method} ${handler.template}`];
    // Only routes a person's session may change something through; next-auth guards its own.
    if (handler.method === "GET" || !policy || policy === "nextAuth" || expectedFor(policy, "admin") !== "allow") continue;
    const path = handler.template.replace(/\[\.\.\.[a-z]+\]/g, "no-such-endpoint").replace(/\[[a-zA-Z]+\]/g, UUID);
    const crossSite: Record<string, string>[] = [{ origin: "https://evil.example" }, { "sec-fetch-site": "cross-site" }];
    for (const headers of crossSite) {
      const response = await fetch(`${base}${path}`, {
        method: handler.method,
        headers: { cookie: admin, "content-type": "application/json", ...headers },
        body: handler.method === "DELETE" ? undefined : "{}",
        redirect: "manual",
      });
      if (response.status !== 403) failures.push(`${handler.method} ${handler.template} with ${JSON.stringify(headers)}: ${response.status}`);
    }
  }
  expect(failures).toEqual([]);
});
