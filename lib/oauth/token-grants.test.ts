import { exportJWK, generateKeyPair, SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/db/testing/test-database";
import { agentTokens, auditEntries, oauthDelegations, oauthRefreshTokens } from "@/db/schema";
import { systemCaller, type UserCaller } from "@/lib/auth/caller";
import { containAgent } from "@/lib/containment/contain-agent";
import { introspectToken } from "@/lib/credentials/introspect-token";
import { authenticateBearer } from "@/lib/auth/authenticate-bearer";
import { updateUser } from "@/lib/users/update-user";
import { createAgent } from "@/lib/testing/agents";
import { createPerson } from "@/lib/testing/people";
import { authenticateClient } from "./authenticate-client";
import { createOauthClient } from "./create-oauth-client";
import { decideAuthorization } from "./decide-authorization";
import { grantAuthorizationCode, s256 } from "./grant-authorization-code";
import { grantClientCredentials } from "./grant-client-credentials";
import { grantRefreshToken } from "./grant-refresh-token";
import { oauthIssuer } from "./issuer";

let t: TestDatabase;
let responder: UserCaller;
let viewer: UserCaller;
beforeAll(async () => {
  t = await createTestDatabase();
  responder = await createPerson(t.db, "responder");
  viewer = await createPerson(t.db, "viewer");
});
afterAll(() => t.close());

const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`).toString("base64")}`;
const form = (values: Record<string, string>) => new URLSearchParams(values);
const check = (token: string) => introspectToken(t.db, systemCaller("test"), token);
const counts = async () => ({
  tokens: (await t.db.select().from(agentTokens)).length,
  refresh: (await t.db.select().from(oauthRefreshTokens)).length,
  delegations: (await t.db.select().from(oauthDelegations)).length,
  audit: (await t.db.select().from(auditEntries)).length,
});

describe("client_credentials", () => {
  it("issues a short-lived token bound to the resource, with at most the agent's scopes, and none once contained", async () => {
    const agent = await createAgent(t.db, { scopes: ["tickets:read", "tickets:write"] });
    const client = await createOauthClient(t.db, responder, agent.id, { authMethod: "client_secret_basic" });
    const header = basic(client.clientId, client.clientSecret ?? "");
    const authenticated = await authenticateClient(t.db, header, form({ grant_type: "client_credentials" }));
    const tokens = await grantClientCredentials(t.db, authenticated, form({ scope: "tickets:read", resource: "https://mcp.example.test/mcp" }));
    expect(tokens).toMatchObject({ token_type: "Bearer", expires_in: 900, scope: "tickets:read" });
    expect(tokens.refresh_token).toBeUndefined();
    expect(await check(tokens.access_token)).toMatchObject({
      active: true,
      aud: "https://mcp.example.test/mcp",
      iss: oauthIssuer(),
      client_id: client.clientId,
      sub: agent.id,
    });

    const before = await counts();
    await expect(grantClientCredentials(t.db, authenticated, form({ scope: "iam:write" }))).rejects.toMatchObject({ error: "invalid_scope" });
    await expect(grantClientCredentials(t.db, authenticated, form({ resource: "https://x.test/#frag" }))).rejects.toMatchObject({ error: "invalid_target" });
    await expect(authenticateClient(t.db, basic(client.clientId, "tq_cs_wrong"), form({}))).rejects.toMatchObject({ error: "invalid_client", status: 401 });
    expect(await counts()).toEqual(before);

    await containAgent(t.db, responder, agent.id, { reason: "test containment" });
    expect(await check(tokens.access_token)).toEqual({ active: false });
    await expect(grantClientCredentials(t.db, authenticated, form({}))).rejects.toMatchObject({
      error: "invalid_client",
      description: expect.stringContaining("contained"),
    });
  });

  it("lives as long as the agent says, never past the admin's maximum", async () => {
    for (const [setting, expected] of [[120, 120], [7200, 3600]] as const) {
      const agent = await createAgent(t.db, { scopes: ["docs:read"], accessTokenLifetimeSeconds: setting });
      const client = await createOauthClient(t.db, responder, agent.id, { authMethod: "client_secret_post" });
      const body = form({ client_id: client.clientId, client_secret: client.clientSecret ?? "" });
      const tokens = await grantClientCredentials(t.db, await authenticateClient(t.db, null, body), body);
      expect(tokens.expires_in).toBe(expected);
    }
  });

  it("authenticates private_key_jwt with the registered public key, once per assertion", async () => {
    const agent = await createAgent(t.db, { scopes: ["docs:read"] });
    const { publicKey, privateKey } = await generateKeyPair("ES256");
    const jwk = { ...(await exportJWK(publicKey)), kid: "k1", alg: "ES256" };
    const client = await createOauthClient(t.db, responder, agent.id, { authMethod: "private_key_jwt", jwks: { keys: [jwk] } });
    expect(client.clientSecret).toBeUndefined();
    const assertion = await new SignJWT({})
      .setProtectedHeader({ alg: "ES256", kid: "k1" })
      .setIssuer(client.clientId)
      .setSubject(client.clientId)
      .setAudience(oauthIssuer())
      .setIssuedAt()
      .setExpirationTime("2m")
      .setJti(crypto.randomUUID())
      .sign(privateKey);
    const body = form({ grant_type: "client_credentials", client_assertion_type: "urn:ietf:params:oauth:client-assertion-type:jwt-bearer", client_assertion: assertion });
    const authenticated = await authenticateClient(t.db, null, body);
    expect((await grantClientCredentials(t.db, authenticated, body)).scope).toBe("docs:read");
    await expect(authenticateClient(t.db, null, body)).rejects.toMatchObject({ error: "invalid_client", description: expect.stringContaining("already used") });

    const other = await generateKeyPair("ES256");
    const forged = await new SignJWT({}).setProtectedHeader({ alg: "ES256", kid: "k1" }).setIssuer(client.clientId).setSubject(client.clientId)
      .setAudience(oauthIssuer()).setIssuedAt().setExpirationTime("2m").setJti(crypto.randomUUID()).sign(other.privateKey);
    await expect(authenticateClient(t.db, null, form({ ...Object.fromEntries(body), client_assertion: forged }))).rejects.toMatchObject({ error: "invalid_client" });
  });
});

describe("authorization_code with PKCE, and refresh rotation", () => {
  const redirectUri = "http://127.0.0.1:9/callback";
  const verifier = "v".repeat(20) + "erifier-0123456789-abcdefghijk";

  async function delegate(person: UserCaller, scope?: string) {
    const agent = await createAgent(t.db, { scopes: ["tickets:read", "tickets:write"] });
    const client = await createOauthClient(t.db, responder, agent.id, { authMethod: "client_secret_post", redirectUris: [redirectUri] });
    const query = new URLSearchParams({ response_type: "code", client_id: client.clientId, redirect_uri: redirectUri, state: "s1", code_challenge: s256(verifier), code_challenge_method: "S256", ...(scope ? { scope } : {}) });
    const { redirectTo } = await decideAuthorization(t.db, person, { query: query.toString(), decision: "approve" });
    const back = new URL(redirectTo);
    const creds = { client_id: client.clientId, client_secret: client.clientSecret ?? "" };
    return { agent, client, back, creds, authenticated: await authenticateClient(t.db, null, form(creds)) };
  }

  it("makes the person the subject and the agent the actor; a code works once; refusing issues nothing", async () => {
    const { agent, client, back, creds, authenticated } = await delegate(responder);
    expect(back.searchParams.get("state")).toBe("s1");
    expect(back.searchParams.get("iss")).toBe(oauthIssuer());
    const code = back.searchParams.get("code") ?? "";
    const body = form({ ...creds, grant_type: "authorization_code", code, redirect_uri: redirectUri, code_verifier: verifier });
    const tokens = await grantAuthorizationCode(t.db, authenticated, body);
    expect(tokens.refresh_token).toMatch(/^tq_rt_/);
    expect(await check(tokens.access_token)).toMatchObject({ active: true, sub: responder.id, act: { sub: agent.id, client_id: client.clientId } });

    // A replayed code is refused and revokes what the first use issued.
    await expect(grantAuthorizationCode(t.db, authenticated, body)).rejects.toMatchObject({ error: "invalid_grant" });
    expect(await check(tokens.access_token)).toEqual({ active: false });

    const before = await counts();
    const query = new URLSearchParams({ response_type: "code", client_id: client.clientId, redirect_uri: redirectUri, state: "s2", code_challenge: s256(verifier), code_challenge_method: "S256" });
    const refused = new URL((await decideAuthorization(t.db, responder, { query: query.toString(), decision: "refuse" })).redirectTo);
    expect(refused.searchParams.get("error")).toBe("access_denied");
    expect(await counts()).toEqual(before);
    await expect(
      decideAuthorization(t.db, responder, { query: query.toString().replace(encodeURIComponent(redirectUri), encodeURIComponent("http://127.0.0.1:9/evil")), decision: "approve" }),
    ).rejects.toMatchObject({ status: 400 });
    expect(await counts()).toEqual(before);
  });

  it("refuses a PKCE mismatch and a redirect URI other than the request's", async () => {
    const { back, creds, authenticated } = await delegate(responder);
    const code = back.searchParams.get("code") ?? "";
    const wrongVerifier = form({ ...creds, grant_type: "authorization_code", code, redirect_uri: redirectUri, code_verifier: "w".repeat(43) });
    await expect(grantAuthorizationCode(t.db, authenticated, wrongVerifier)).rejects.toMatchObject({ error: "invalid_grant", description: expect.stringContaining("code_verifier") });
  });

  it("a viewer delegates only read scopes", async () => {
    const { back } = await delegate(viewer);
    expect(back.searchParams.get("code")).toBeTruthy();
    await expect(delegate(viewer, "tickets:write")).resolves.toMatchObject({ back: expect.any(URL) });
    const refused = await delegate(viewer, "tickets:write");
    expect(refused.back.searchParams.get("error")).toBe("invalid_scope");
  });

  it("rotates refresh tokens, and a reused one revokes the whole family", async () => {
    const { back, creds, authenticated } = await delegate(responder);
    const first = await grantAuthorizationCode(t.db, authenticated, form({ ...creds, grant_type: "authorization_code", code: back.searchParams.get("code") ?? "", redirect_uri: redirectUri, code_verifier: verifier }));
    const second = await grantRefreshToken(t.db, authenticated, form({ refresh_token: first.refresh_token ?? "" }));
    expect(second.refresh_token).not.toBe(first.refresh_token);
    expect(await check(second.access_token)).toMatchObject({ active: true });

    await expect(grantRefreshToken(t.db, authenticated, form({ refresh_token: first.refresh_token ?? "" }))).rejects.toMatchObject({ error: "invalid_grant" });
    expect(await check(first.access_token)).toEqual({ active: false });
    expect(await check(second.access_token)).toEqual({ active: false });
    await expect(grantRefreshToken(t.db, authenticated, form({ refresh_token: second.refresh_token ?? "" }))).rejects.toMatchObject({ error: "invalid_grant" });
  });

  it("a delegated token stops working everywhere once its person is disabled", async () => {
    const person = await createPerson(t.db, "responder");
    const { back, creds, authenticated } = await delegate(person);
    const tokens = await grantAuthorizationCode(t.db, authenticated, form({ ...creds, grant_type: "authorization_code", code: back.searchParams.get("code") ?? "", redirect_uri: redirectUri, code_verifier: verifier }));
    expect(await authenticateBearer(t.db, tokens.access_token)).toMatchObject({ type: "agent" });
    await updateUser(t.db, await createPerson(t.db, "admin"), person.id, { disabled: true });
    expect(await check(tokens.access_token)).toEqual({ active: false });
    // The API's own bearer check made the same mistake introspection did not: it ignored the person.
    expect(await authenticateBearer(t.db, tokens.access_token)).toBeNull();
  });

  it("the kill switch revokes delegated access and refresh tokens", async () => {
    const { agent, back, creds, authenticated } = await delegate(responder);
    const tokens = await grantAuthorizationCode(t.db, authenticated, form({ ...creds, grant_type: "authorization_code", code: back.searchParams.get("code") ?? "", redirect_uri: redirectUri, code_verifier: verifier }));
    await containAgent(t.db, responder, agent.id, { reason: "delegated containment" });
    expect(await check(tokens.access_token)).toEqual({ active: false });
    await expect(grantRefreshToken(t.db, authenticated, form({ refresh_token: tokens.refresh_token ?? "" }))).rejects.toMatchObject({ error: "invalid_grant" });
  });
});
