// Agents get their tokens from Tourniquet with stock clients: the official MCP SDK's
// client-credentials providers against an MCP server that verifies through introspection
// with the SDK's audience check; openid-client and oauth4webapi by default discovery; the
// authorization-code flow with consent in Chromium. The kill switch ends all of it.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { ClientCredentialsProvider, PrivateKeyJwtProvider } from "@modelcontextprotocol/sdk/client/auth-extensions.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { InvalidTokenError } from "@modelcontextprotocol/sdk/server/auth/errors.js";
import { requireBearerAuth } from "@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js";
import { getOAuthProtectedResourceMetadataUrl, mcpAuthMetadataRouter } from "@modelcontextprotocol/sdk/server/auth/router.js";
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { StreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/streamableHttp.js";
import { expect, type Page, test } from "@playwright/test";
import express from "express";
import { exportJWK, generateKeyPair } from "jose";
import * as oauth from "oauth4webapi";
import * as openid from "openid-client";
import { signIn } from "./fixtures/session";

test.describe.configure({ mode: "serial" });

interface Setup {
  issuer: string;
  agent: { id: string; name: string };
  rs: { clientId: string; clientSecret: string };
}

async function setUp(page: Page, baseURL: string | undefined): Promise<Setup> {
  await signIn(page);
  const rs = await (await page.request.post("/api/v1/resource-servers", { data: { name: `mcp-rs-${Date.now()}` } })).json();
  const agent = await (
    await page.request.post("/api/v1/agents", { data: { name: `oauth-mcp-${Date.now()}`, owner: "dana@example.com", scopes: ["tickets:read", "tickets:write"] } })
  ).json();
  const metadata = await (await page.request.get("/.well-known/oauth-authorization-server")).json();
  expect(metadata.issuer).toBe(baseURL);
  return { issuer: metadata.issuer, agent, rs };
}

/** An MCP server built with the SDK, verifying every token through Tourniquet's introspection. */
async function startMcpServer(setup: Setup) {
  const app = express();
  const server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const mcpUrl = new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}/mcp`);
  const oauthMetadata = await (await fetch(`${setup.issuer}/.well-known/oauth-authorization-server`)).json();
  app.use(mcpAuthMetadataRouter({ oauthMetadata, resourceServerUrl: mcpUrl }));
  const verifier = {
    async verifyAccessToken(token: string) {
      const response = await fetch(oauthMetadata.introspection_endpoint, {
        method: "POST",
        headers: {
          "content-type": "application/x-www-form-urlencoded",
          authorization: `Basic ${Buffer.from(`${setup.rs.clientId}:${setup.rs.clientSecret}`).toString("base64")}`,
        },
        body: new URLSearchParams({ token }),
      });
      const data = await response.json();
      if (!data.active) throw new InvalidTokenError("The token is not active.");
      return { token, clientId: data.client_id, scopes: String(data.scope).split(" "), expiresAt: data.exp, resource: data.aud ? new URL(data.aud) : undefined };
    },
  };
  let calls = 0;
  app.post(
    "/mcp",
    express.json(),
    requireBearerAuth({ verifier, expectedResource: mcpUrl, resourceMetadataUrl: getOAuthProtectedResourceMetadataUrl(mcpUrl) }),
    async (req, res) => {
      const mcp = new McpServer({ name: "tickets", version: "1.0.0" });
      mcp.registerTool("count", { description: "Counts calls" }, async () => {
        calls += 1;
        return { content: [{ type: "text", text: `call ${calls}` }] };
      });
      const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
      res.on("close", () => void transport.close());
      await mcp.connect(transport);
      await transport.handleRequest(req, res, req.body);
    },
  );
  return { mcpUrl, calls: () => calls, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

async function connect(mcpUrl: URL, authProvider: ClientCredentialsProvider | PrivateKeyJwtProvider) {
  const client = new Client({ name: "agent", version: "1.0.0" });
  await client.connect(new StreamableHTTPClientTransport(mcpUrl, { authProvider }));
  return client;
}

const activeTokens = async (page: Page, agentId: string) =>
  ((await (await page.request.get(`/api/v1/agents/${agentId}/tokens`)).json()).tokens as { status: string }[]).filter((token) => token.status === "active").length;

test("MCP SDK clients get resource-bound tokens with a client secret and with private_key_jwt; after containment they are refused and get no new token", async ({ page, baseURL }) => {
  const setup = await setUp(page, baseURL);
  const mcp = await startMcpServer(setup);
  try {
    const secretClient = await (await page.request.post(`/api/v1/agents/${setup.agent.id}/oauth-clients`, { data: { name: "sdk", authMethod: "client_secret_basic" } })).json();
    expect(secretClient.clientSecret).toMatch(/^tq_cs_/);
    const { publicKey, privateKey } = await generateKeyPair("ES256", { extractable: true });
    const keyed = await (
      await page.request.post(`/api/v1/agents/${setup.agent.id}/oauth-clients`, {
        data: { authMethod: "private_key_jwt", jwks: { keys: [{ ...(await exportJWK(publicKey)), alg: "ES256", use: "sig" }] } },
      })
    ).json();

    const withSecret = await connect(mcp.mcpUrl, new ClientCredentialsProvider({ clientId: secretClient.clientId, clientSecret: secretClient.clientSecret, expectedIssuer: setup.issuer }));
    const withKey = await connect(
      mcp.mcpUrl,
      new PrivateKeyJwtProvider({ clientId: keyed.clientId, privateKey: await exportJWK(privateKey), algorithm: "ES256", expectedIssuer: setup.issuer }),
    );
    expect(await withSecret.callTool({ name: "count" })).toMatchObject({ content: [{ text: "call 1" }] });
    expect(await withKey.callTool({ name: "count" })).toMatchObject({ content: [{ text: "call 2" }] });
    expect(await activeTokens(page, setup.agent.id)).toBe(2);

    // A token bound to another resource is refused by the SDK's audience check.
    const form = new URLSearchParams({ grant_type: "client_credentials", resource: "https://elsewhere.example.test/mcp" });
    const other = await (await fetch(`${setup.issuer}/api/oauth/token`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", authorization: `Basic ${Buffer.from(`${secretClient.clientId}:${secretClient.clientSecret}`).toString("base64")}` },
      body: form,
    })).json();
    const misbound = await fetch(mcp.mcpUrl, { method: "POST", headers: { authorization: `Bearer ${other.access_token}`, "content-type": "application/json", accept: "application/json, text/event-stream" }, body: "{}" });
    expect(misbound.status).toBe(401);

    const contained = await page.request.post(`/api/v1/agents/${setup.agent.id}/contain`, { data: { reason: "OAuth e2e containment" } });
    expect(contained.status()).toBe(200);
    await expect(withSecret.callTool({ name: "count" })).rejects.toThrow();
    await expect(withKey.callTool({ name: "count" })).rejects.toThrow();
    expect(mcp.calls()).toBe(2);
    expect(await activeTokens(page, setup.agent.id)).toBe(0);

    const refused = await fetch(`${setup.issuer}/api/oauth/token`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", authorization: `Basic ${Buffer.from(`${secretClient.clientId}:${secretClient.clientSecret}`).toString("base64")}` },
      body: new URLSearchParams({ grant_type: "client_credentials" }),
    });
    expect(refused.status).toBe(401);
    expect(await refused.json()).toMatchObject({ error: "invalid_client", error_description: expect.stringContaining("contained") });
  } finally {
    await mcp.close();
  }
});

test("openid-client and oauth4webapi discover the server by default, get a token, introspect and revoke it", async ({ page, baseURL }) => {
  const setup = await setUp(page, baseURL);
  const client = await (await page.request.post(`/api/v1/agents/${setup.agent.id}/oauth-clients`, { data: { authMethod: "client_secret_post" } })).json();

  const agentConfig = await openid.discovery(new URL(setup.issuer), client.clientId, client.clientSecret, openid.ClientSecretPost(client.clientSecret), {
    execute: [openid.allowInsecureRequests],
  });
  const granted = await openid.clientCredentialsGrant(agentConfig, { scope: "tickets:read", resource: "https://tickets.example.test" });
  expect(granted).toMatchObject({ token_type: "bearer", scope: "tickets:read" });

  const rsConfig = await openid.discovery(new URL(setup.issuer), setup.rs.clientId, setup.rs.clientSecret, undefined, { execute: [openid.allowInsecureRequests] });
  expect(await openid.tokenIntrospection(rsConfig, granted.access_token)).toMatchObject({ active: true, aud: "https://tickets.example.test", iss: setup.issuer });
  await openid.tokenRevocation(rsConfig, granted.access_token);
  expect((await openid.tokenIntrospection(rsConfig, granted.access_token)).active).toBe(false);

  const insecure = { [oauth.allowInsecureRequests]: true };
  const issuer = new URL(setup.issuer);
  const as = await oauth.processDiscoveryResponse(issuer, await oauth.discoveryRequest(issuer, insecure)); // OpenID discovery, the default
  const agentClient: oauth.Client = { client_id: client.clientId };
  const tokens = await oauth.processClientCredentialsResponse(
    as,
    agentClient,
    await oauth.clientCredentialsGrantRequest(as, agentClient, oauth.ClientSecretPost(client.clientSecret), new URLSearchParams({ scope: "tickets:write" }), insecure),
  );
  const rsClient: oauth.Client = { client_id: setup.rs.clientId };
  const rsAuth = oauth.ClientSecretBasic(setup.rs.clientSecret);
  expect(await oauth.processIntrospectionResponse(as, rsClient, await oauth.introspectionRequest(as, rsClient, rsAuth, tokens.access_token, insecure))).toMatchObject({ active: true, scope: "tickets:write" });
  await oauth.processRevocationResponse(await oauth.revocationRequest(as, rsClient, rsAuth, tokens.access_token, insecure));
  expect(await oauth.processIntrospectionResponse(as, rsClient, await oauth.introspectionRequest(as, rsClient, rsAuth, tokens.access_token, insecure))).toEqual({ active: false });
});

test("a person consents in the console: the token's subject is the person and the agent its actor; refusing issues nothing; revoking the delegation kills its tokens", async ({ page, baseURL }) => {
  const setup = await setUp(page, baseURL);
  const callback = http.createServer((_, res) => res.end("back at the client"));
  await new Promise<void>((resolve) => callback.listen(0, "127.0.0.1", resolve));
  const redirectUri = `http://127.0.0.1:${(callback.address() as AddressInfo).port}/callback`;
  try {
    const client = await (await page.request.post(`/api/v1/agents/${setup.agent.id}/oauth-clients`, { data: { authMethod: "client_secret_basic", redirectUris: [redirectUri] } })).json();
    const verifier = oauth.generateRandomCodeVerifier();
    const challenge = await oauth.calculatePKCECodeChallenge(verifier);
    const authorizeUrl = (state: string) =>
      `/oauth/authorize?${new URLSearchParams({ response_type: "code", client_id: client.clientId, redirect_uri: redirectUri, scope: "tickets:read", state, code_challenge: challenge, code_challenge_method: "S256" })}`;

    const tokenCount = async () => (await (await page.request.get(`/api/v1/agents/${setup.agent.id}/tokens`)).json()).tokens.length;
    await page.goto(authorizeUrl("refuse-me"));
    await expect(page.getByRole("heading", { name: /act on your behalf/ })).toBeVisible();
    await page.getByRole("button", { name: "Refuse" }).click();
    await page.waitForURL((url) => url.href.startsWith(redirectUri));
    expect(new URL(page.url()).searchParams.get("error")).toBe("access_denied");
    expect(await tokenCount()).toBe(0);

    await page.goto(authorizeUrl("allow-me"));
    await expect(page.getByText(setup.agent.name)).toBeVisible();
    await expect(page.getByText("tickets:read")).toBeVisible();
    await page.getByRole("button", { name: "Allow" }).click();
    await page.waitForURL((url) => url.href.startsWith(redirectUri));
    const back = new URL(page.url());
    expect(back.searchParams.get("state")).toBe("allow-me");
    expect(back.searchParams.get("iss")).toBe(setup.issuer);

    const basic = `Basic ${Buffer.from(`${client.clientId}:${client.clientSecret}`).toString("base64")}`;
    const exchange = async (code: string, codeVerifier: string) =>
      fetch(`${setup.issuer}/api/oauth/token`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", authorization: basic },
        body: new URLSearchParams({ grant_type: "authorization_code", code, redirect_uri: redirectUri, code_verifier: codeVerifier }),
      });
    const tokens = await (await exchange(back.searchParams.get("code") ?? "", verifier)).json();
    expect(tokens.refresh_token).toMatch(/^tq_rt_/);

    const me = await (await page.request.get("/api/v1/me")).json();
    const introspect = async (token: string) =>
      (
        await fetch(`${setup.issuer}/api/oauth/introspect`, {
          method: "POST",
          headers: { "content-type": "application/x-www-form-urlencoded", authorization: `Basic ${Buffer.from(`${setup.rs.clientId}:${setup.rs.clientSecret}`).toString("base64")}` },
          body: new URLSearchParams({ token }),
        })
      ).json();
    expect(await introspect(tokens.access_token)).toMatchObject({ active: true, sub: me.id, act: { sub: setup.agent.id, client_id: client.clientId } });

    const delegations = (await (await page.request.get("/api/v1/delegations")).json()).delegations as { id: string; agentId: string }[];
    const delegation = delegations.find((item) => item.agentId === setup.agent.id);
    expect(delegation).toBeTruthy();
    const revoked = await page.request.post(`/api/v1/delegations/${delegation?.id}/revoke`, { data: { reason: "no longer needed" } });
    expect(await revoked.json()).toEqual({ tokensRevoked: 1 });
    expect(await introspect(tokens.access_token)).toEqual({ active: false });
    const refreshed = await fetch(`${setup.issuer}/api/oauth/token`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", authorization: basic },
      body: new URLSearchParams({ grant_type: "refresh_token", refresh_token: tokens.refresh_token }),
    });
    expect(refreshed.status).toBe(400);
    expect((await refreshed.json()).error).toBe("invalid_grant");
  } finally {
    await new Promise<void>((resolve) => callback.close(() => resolve()));
  }
});

test("hostile input on the token endpoint gets OAuth errors and writes nothing", async ({ page, baseURL, request }) => {
  const setup = await setUp(page, baseURL);
  const client = await (await page.request.post(`/api/v1/agents/${setup.agent.id}/oauth-clients`, { data: { authMethod: "client_secret_basic", redirectUris: ["https://app.example.test/cb"] } })).json();
  const basic = `Basic ${Buffer.from(`${client.clientId}:${client.clientSecret}`).toString("base64")}`;
  const post = (form: Record<string, string>, authorization = basic) => request.post("/api/oauth/token", { form, headers: { authorization } });
  const before = (await (await page.request.get(`/api/v1/agents/${setup.agent.id}/tokens`)).json()).tokens.length;

  const cases: [Record<string, string>, number, string][] = [
    [{ grant_type: "password", username: "a", password: "b" }, 400, "unsupported_grant_type"],
    [{ grant_type: "authorization_code", code: "tq_ac_replayed", redirect_uri: "https://app.example.test/cb", code_verifier: "x".repeat(43) }, 400, "invalid_grant"],
    [{ grant_type: "refresh_token", refresh_token: "tq_rt_unknown" }, 400, "invalid_grant"],
    [{ grant_type: "client_credentials", scope: "iam:admin" }, 400, "invalid_scope"],
    [{ grant_type: "client_credentials", scope: "x".repeat(3000) }, 400, "invalid_request"],
  ];
  for (const [form, status, error] of cases) {
    const response = await post(form);
    expect(response.status(), JSON.stringify(form)).toBe(status);
    expect((await response.json()).error).toBe(error);
  }
  const wrongSecret = await post({ grant_type: "client_credentials" }, `Basic ${Buffer.from(`${client.clientId}:tq_cs_wrong`).toString("base64")}`);
  expect(wrongSecret.status()).toBe(401);
  expect((await wrongSecret.json()).error).toBe("invalid_client");
  const huge = await request.post("/api/oauth/token", { headers: { authorization: basic, "content-type": "application/x-www-form-urlencoded" }, data: `grant_type=client_credentials&scope=${"a".repeat(20_000)}` });
  expect(huge.status()).toBe(413);
  const json = await request.post("/api/oauth/token", { headers: { authorization: basic }, data: { grant_type: "client_credentials" } });
  expect(json.status()).toBe(415);

  // An unregistered redirect URI is shown to the person, never redirected to.
  await page.goto(`/oauth/authorize?response_type=code&client_id=${client.clientId}&redirect_uri=${encodeURIComponent("https://evil.example.test/cb")}&code_challenge=${"a".repeat(43)}&code_challenge_method=S256`);
  await expect(page.getByText(/not one registered/)).toBeVisible();
  expect((await (await page.request.get(`/api/v1/agents/${setup.agent.id}/tokens`)).json()).tokens.length).toBe(before);
});
