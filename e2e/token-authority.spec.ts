// A resource server uses a standard OAuth library, with no Tourniquet-specific code,
// to introspect (RFC 7662) and revoke (RFC 7009) an agent's token.
import { expect, test } from "@playwright/test";
import * as oauth from "oauth4webapi";
import { signIn } from "./fixtures/session";

test("oauth4webapi introspects a live token, revokes it, and then sees it inactive", async ({ page, baseURL }) => {
  await signIn(page);
  const server = await (await page.request.post("/api/v1/resource-servers", { data: { name: "wiki" } })).json();
  const agent = await (
    await page.request.post("/api/v1/agents", {
      data: { name: `oauth-agent-${Date.now()}`, owner: "dana@example.com", scopes: ["wiki:read", "wiki:write"] },
    })
  ).json();
  const tokenReply = await page.request.post(`/api/v1/agents/${agent.id}/tokens`, { data: { scopes: ["wiki:read"], expiresInSeconds: 600 } });
  expect(tokenReply.status()).toBe(201);
  const issued = await tokenReply.json();
  expect(Object.keys(issued).sort()).toEqual(["expiresAt", "id", "prefix", "scopes", "token"]);

  const issuer = new URL(baseURL ?? "");
  const insecure = { [oauth.allowInsecureRequests]: true }; // the test server speaks plain http on loopback
  const as = await oauth.processDiscoveryResponse(
    issuer,
    await oauth.discoveryRequest(issuer, { algorithm: "oauth2", ...insecure }),
  );
  const client: oauth.Client = { client_id: server.clientId };
  const auth = oauth.ClientSecretBasic(server.clientSecret);

  const live = await oauth.processIntrospectionResponse(
    as,
    client,
    await oauth.introspectionRequest(as, client, auth, issued.token, insecure),
  );
  expect(live).toMatchObject({ active: true, scope: "wiki:read", sub: agent.id, client_id: agent.id, jti: issued.id, token_type: "Bearer" });
  expect(live.exp).toBe(Math.floor(new Date(issued.expiresAt).getTime() / 1000));

  await oauth.processRevocationResponse(await oauth.revocationRequest(as, client, auth, issued.token, insecure));

  const dead = await oauth.processIntrospectionResponse(
    as,
    client,
    await oauth.introspectionRequest(as, client, oauth.ClientSecretPost(server.clientSecret), issued.token, insecure),
  );
  expect(dead).toEqual({ active: false });

  const tokens = await (await page.request.get(`/api/v1/agents/${agent.id}/tokens`)).json();
  expect(tokens.tokens[0]).toMatchObject({ id: issued.id, status: "revoked", revokedBy: "resource-server:wiki" });
  expect(JSON.stringify(tokens)).not.toContain(issued.token);
});

test("the token endpoints refuse callers that are not registered resource servers", async ({ request }) => {
  const anonymous = await request.post("/api/oauth/introspect", { form: { token: "tq_at_x" } });
  expect(anonymous.status()).toBe(401);
  expect(await anonymous.json()).toMatchObject({ error: "invalid_client" });
  const wrong = await request.post("/api/oauth/introspect", {
    form: { token: "tq_at_x" },
    headers: { authorization: `Basic ${Buffer.from("tq_rc_nobody:nothing").toString("base64")}` },
  });
  expect(wrong.status()).toBe(401);
  const json = await request.post("/api/oauth/introspect", { data: { token: "x" } });
  expect(json.status()).toBe(415);
});

test("an API key acts with its role: it reads and registers agents but cannot manage keys", async ({ page, playwright, baseURL }) => {
  await signIn(page);
  const created = await (await page.request.post("/api/v1/api-keys", { data: { name: "soar", role: "responder" } })).json();
  const automation = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${created.key}` } });
  expect((await automation.get("/api/v1/agents?risk=high")).status()).toBe(200);
  const registered = await automation.post("/api/v1/agents", { data: { name: `soar-made-${Date.now()}`, owner: "soc@example.com" } });
  expect(registered.status()).toBe(201);
  expect((await automation.post("/api/v1/api-keys", { data: { name: "escalate", role: "admin" } })).status()).toBe(403);
  const forged = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { authorization: "Bearer tq_ak_forged" } });
  expect((await forged.get("/api/v1/agents")).status()).toBe(401);
  await automation.dispose();
  await forged.dispose();
});

test("bad input to the agent API gets a clear 4xx and writes nothing", async ({ page }) => {
  await signIn(page);
  const before = (await (await page.request.get("/api/v1/agents?pageSize=1")).json()).total;
  const malformed = await page.request.post("/api/v1/agents", { headers: { "content-type": "application/json" }, data: Buffer.from("{not json") });
  expect(malformed.status()).toBe(400);
  expect((await malformed.json()).error.code).toBe("invalid_json");
  const wrongTypes = await page.request.post("/api/v1/agents", { data: { name: 42, owner: "", scopes: "iam:write", environment: "moon" } });
  expect(wrongTypes.status()).toBe(400);
  const details = (await wrongTypes.json()).error.details.map((detail: { path: string }) => detail.path);
  expect(details).toEqual(expect.arrayContaining(["name", "owner", "scopes", "environment"]));
  const huge = await page.request.post("/api/v1/agents", { data: { name: "x", owner: "o", description: "y".repeat(100_000) } });
  expect(huge.status()).toBe(413);
  const unknownAgent = await page.request.post("/api/v1/agents/00000000-0000-4000-8000-000000000000/tokens", { data: {} });
  expect(unknownAgent.status()).toBe(404);
  const badLifetime = await page.request.post("/api/v1/agents/not-an-id/tokens", { data: { expiresInSeconds: "soon" } });
  expect(badLifetime.status()).toBe(400);
  expect((await (await page.request.get("/api/v1/agents?pageSize=1")).json()).total).toBe(before);
});

test("repeated failed client authentication is slowed down with 429 and Retry-After", async ({ request }) => {
  const headers = { authorization: `Basic ${Buffer.from(`tq_rc_guesser-${Date.now()}:wrong`).toString("base64")}`, connection: "close" };
  let status = 0;
  for (let attempt = 0; attempt < 101 && status !== 429; attempt++) {
    status = (await request.post("/api/oauth/introspect", { form: { token: "tq_at_x" }, headers })).status();
  }
  expect(status).toBe(429);
  const limited = await request.post("/api/oauth/introspect", { form: { token: "tq_at_x" }, headers });
  expect(limited.status()).toBe(429);
  expect(Number(limited.headers()["retry-after"])).toBeGreaterThan(0);
});
