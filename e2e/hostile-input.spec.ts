// Hostile input on every endpoint that takes a body: never a 5xx, always an error a
// person can read, and nothing written (the audit chain does not grow).
import { type Browser, expect, test } from "@playwright/test";
import { E2E_ADMIN } from "./fixtures/constants";
import { matrix } from "./security/matrix";
import { routeHandlers } from "./security/route-inventory";

const UUID = "00000000-0000-4000-8000-00000000beef";
const huge = "x".repeat(300_000);
const wrongTypes = { name: 1, title: [], reason: {}, email: 5, role: true, scopes: "x", actions: "x", body: 7, status: 9, kind: null, url: 3, severity: [] };
const oddities = { name: "\ud800bad", title: "\u202eevil\u202c", reason: "zero\u200bwidth", body: "👩‍💻".repeat(2000), owner: "\u0000", email: "a\u0000@b.c" };
const injections = {
  name: "'; drop table agents; --",
  owner: "<script>alert(1)</script>",
  reason: "' OR 1=1 --",
  title: "<img src=x onerror=alert(1)>",
  body: "${jndi:ldap://x}",
  email: "x'--@example.com",
  role: "admin' --",
};

interface Case {
  label: string;
  body: string | Uint8Array<ArrayBuffer>;
  contentType: string;
  /** Whether a 2xx is acceptable (valid but nasty strings may be stored, safely). */
  mayWrite?: boolean;
}

const cases: Case[] = [
  { label: "malformed JSON", body: '{"name":', contentType: "application/json" },
  { label: "an array", body: "[]", contentType: "application/json" },
  { label: "a bare string", body: '"hello"', contentType: "application/json" },
  { label: "null", body: "null", contentType: "application/json" },
  { label: "wrong types", body: JSON.stringify(wrongTypes), contentType: "application/json" },
  { label: "huge strings", body: JSON.stringify({ name: huge, title: huge, reason: huge, body: huge, email: huge }), contentType: "application/json" },
  { label: "a huge body", body: new Uint8Array(20 * 1024 * 1024).fill(0x61), contentType: "application/json" },
  { label: "unicode oddities and NUL", body: JSON.stringify(oddities), contentType: "application/json" },
  { label: "a wrong content type", body: JSON.stringify({ name: "x" }), contentType: "text/plain" },
  // Nesting that once overflowed the depth checks' stack (a 500): refused before parsing.
  { label: "nested 20,000 deep", body: `{"actions":[{"attributes":${'{"a":'.repeat(20_000)}1${"}".repeat(20_000)}}],"name":${"[".repeat(20_000)}${"]".repeat(20_000)}}`, contentType: "application/json" },
  { label: "injection strings", body: JSON.stringify(injections), contentType: "application/json", mayWrite: true },
];

async function adminCookie(browser: Browser, baseURL: string): Promise<string> {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await page.goto("/sign-in");
  await page.locator("html[data-hydrated]").waitFor();
  await page.getByLabel("Email").fill(E2E_ADMIN.email);
  await page.getByLabel("Password").fill(E2E_ADMIN.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
  const cookies = await context.cookies();
  await context.close();
  return cookies.map((cookie) => `${cookie.name}=${cookie.value}`).join("; ");
}

function errorMessage(body: unknown): string | undefined {
  const value = body as { error?: { message?: string } | string; error_description?: string; message?: string } | null;
  if (!value) return undefined;
  if (typeof value.error === "object") return value.error?.message;
  return value.error_description ?? value.message;
}

test("hostile input never causes a 5xx, always explains itself and writes nothing", async ({ browser, baseURL }) => {
  test.setTimeout(240_000);
  const base = baseURL ?? "";
  const cookie = await adminCookie(browser, base);
  const post = (path: string, body: unknown) =>
    fetch(`${base}${path}`, { method: "POST", headers: { cookie, "content-type": "application/json" }, body: JSON.stringify(body) }).then((response) => response.json());
  const ingestKey = (await post("/api/v1/ingest-keys", { name: "hostile" })).key as string;
  const server = await post("/api/v1/resource-servers", { name: "hostile" });
  const basic = `Basic ${Buffer.from(`${server.clientId}:${server.clientSecret}`).toString("base64")}`;
  const agent = await post("/api/v1/agents", { name: `hostile-agent-${Date.now()}`, owner: "o@example.test", scopes: ["forum:post"] });
  const agentToken = (await post(`/api/v1/agents/${agent.id}/tokens`, {})).token as string;
  const auditLength = async () =>
    ((await (await fetch(`${base}/api/v1/audit/verify`, { headers: { cookie } })).json()) as { checked: number }).checked;

  const failures: string[] = [];
  let exercised = 0;
  let endpoints = 0;
  const targets = routeHandlers().filter((handler) => ["POST", "PATCH", "PUT"].includes(handler.method));
  for (const handler of targets) {
    const policy = matrix[`${handler.method} ${handler.template}`];
    if (!policy || policy === "nextAuth" || policy === "notFound") continue;
    endpoints += 1;
    const path = handler.template.replace(/\[[a-zA-Z]+\]/g, UUID);
    const auth: Record<string, string> =
      policy === "ingest" || policy === "ingestOtlp"
        ? { authorization: `Bearer ${ingestKey}` }
        : policy === "resourceServer"
          ? { authorization: basic }
          : policy === "agent"
            ? { authorization: `Bearer ${agentToken}` }
            : { cookie };
    for (const hostile of cases) {
      const before = await auditLength();
      const contentType = policy === "resourceServer" && hostile.contentType === "application/json" && hostile.label === "a wrong content type" ? "application/json" : hostile.contentType;
      let status = 0;
      let body: unknown = null;
      try {
        const response = await fetch(`${base}${path}`, { method: handler.method, headers: { ...auth, "content-type": contentType }, body: hostile.body });
        status = response.status;
        body = await response.json().catch(() => null);
      } catch (error) {
        // The server may cut a 20 MB upload short after answering 413; that is a refusal too.
        if (hostile.label !== "a huge body") failures.push(`${handler.method} ${path} with ${hostile.label}: request failed (${(error as Error).message})`);
        continue;
      }
      exercised += 1;
      const where = `${handler.method} ${handler.template} with ${hostile.label}`;
      if (status >= 500) failures.push(`${where}: ${status}`);
      if (status >= 400 && !errorMessage(body)) failures.push(`${where}: ${status} without an error message`);
      const wrote = (await auditLength()) !== before;
      const accepted = (body as { accepted?: number } | null)?.accepted ?? 0;
      if (!hostile.mayWrite && (wrote || accepted > 0)) failures.push(`${where}: answered ${status} and wrote something`);
    }
  }
  expect(failures).toEqual([]);
  // Every endpoint that takes a body got every case (a 20 MB upload may be cut short).
  expect(endpoints).toBeGreaterThanOrEqual(25);
  expect(exercised).toBeGreaterThanOrEqual(endpoints * (cases.length - 1));
});
