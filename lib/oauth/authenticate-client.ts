// Client authentication at the token endpoint (RFC 6749 §2.3, RFC 7523 §2.2): exactly
// one method per request, and it must be the one the client was registered with.
import { eq } from "drizzle-orm";
import { createLocalJWKSet, createRemoteJWKSet, decodeJwt, type JWTVerifyGetKey, jwtVerify } from "jose";
import type { Db } from "@/db/client";
import { type AgentOauthClient, agentOauthClients, agents, oauthUsedAssertions } from "@/db/schema";
import { hashSecret, sameHash } from "@/lib/credentials/secret";
import { OAuthError } from "./oauth-error";
import { oauthIssuer, tokenEndpoint } from "./issuer";
import { single } from "./oauth-params";

const ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
const ASSERTION_ALGORITHMS = ["RS256", "PS256", "ES256", "ES384", "EdDSA"];

export interface AuthenticatedClient {
  client: AgentOauthClient;
  agent: { id: string; name: string; status: string; scopes: string[]; accessTokenLifetimeSeconds: number | null };
}

interface Presented {
  method: AgentOauthClient["authMethod"];
  clientId: string;
  secret?: string;
  assertion?: string;
}

function decodeFormComponent(value: string): string {
  try {
    return decodeURIComponent(value.replace(/\+/g, " "));
  } catch {
    throw new OAuthError("invalid_client", "The Basic credentials are not form-encoded.");
  }
}

function presented(authorization: string | null, form: URLSearchParams): Presented {
  const methods: Presented[] = [];
  if (authorization && /^basic\s/i.test(authorization)) {
    const decoded = Buffer.from(authorization.slice(6).trim(), "base64").toString("utf8");
    const colon = decoded.indexOf(":");
    if (colon < 0) throw new OAuthError("invalid_client", "The Basic credentials are malformed.");
    methods.push({ method: "client_secret_basic", clientId: decodeFormComponent(decoded.slice(0, colon)), secret: decodeFormComponent(decoded.slice(colon + 1)) });
  }
  const postedSecret = single(form, "client_secret");
  if (postedSecret) methods.push({ method: "client_secret_post", clientId: single(form, "client_id") ?? "", secret: postedSecret });
  const assertion = single(form, "client_assertion");
  if (assertion) {
    if (single(form, "client_assertion_type") !== ASSERTION_TYPE) {
      throw new OAuthError("invalid_client", `client_assertion_type must be ${ASSERTION_TYPE}.`);
    }
    let subject: unknown;
    try {
      subject = decodeJwt(assertion).sub;
    } catch {
      throw new OAuthError("invalid_client", "The client assertion is not a JWT.");
    }
    methods.push({ method: "private_key_jwt", clientId: typeof subject === "string" ? subject : "", assertion });
  }
  if (methods.length === 0) throw new OAuthError("invalid_client", "Authenticate the client (client_secret_basic, client_secret_post or private_key_jwt).");
  if (methods.length > 1) throw new OAuthError("invalid_request", "Use one client authentication method per request.");
  const [only] = methods as [Presented];
  const formClientId = single(form, "client_id");
  if (formClientId && formClientId !== only.clientId) throw new OAuthError("invalid_client", "client_id does not match the credentials.");
  return only;
}

// Remote key sets are cached per URL (jose refetches on an unknown kid, at most every 30 s).
const remoteKeySets = new Map<string, JWTVerifyGetKey>();
function keySetOf(client: AgentOauthClient): JWTVerifyGetKey {
  if (client.jwks) return createLocalJWKSet(client.jwks as Parameters<typeof createLocalJWKSet>[0]);
  if (!client.jwksUri) throw new OAuthError("invalid_client", "The client has no keys registered.");
  let keySet = remoteKeySets.get(client.jwksUri);
  if (!keySet) {
    if (remoteKeySets.size > 500) remoteKeySets.clear();
    keySet = createRemoteJWKSet(new URL(client.jwksUri), { timeoutDuration: 3000, cooldownDuration: 30_000, cacheMaxAge: 10 * 60_000 });
    remoteKeySets.set(client.jwksUri, keySet);
  }
  return keySet;
}

async function verifyAssertion(db: Db, client: AgentOauthClient, assertion: string): Promise<void> {
  let payload;
  try {
    ({ payload } = await jwtVerify(assertion, keySetOf(client), {
      issuer: client.clientId,
      subject: client.clientId,
      audience: [oauthIssuer(), tokenEndpoint()],
      algorithms: ASSERTION_ALGORITHMS,
      maxTokenAge: "10m",
      requiredClaims: ["exp", "jti"],
    }));
  } catch (error) {
    if (error instanceof OAuthError) throw error;
    throw new OAuthError("invalid_client", `The client assertion did not verify: ${(error as Error).message.slice(0, 200)}`);
  }
  // One use per assertion id (RFC 7523 §3, item 7): kept until the assertion expires.
  const expiresAt = new Date((payload.exp ?? 0) * 1000);
  const inserted = await db
    .insert(oauthUsedAssertions)
    .values({ jtiHash: hashSecret(`${client.clientId}|${String(payload.jti)}`), expiresAt })
    .onConflictDoNothing()
    .returning({ jtiHash: oauthUsedAssertions.jtiHash });
  if (inserted.length === 0) throw new OAuthError("invalid_client", "The client assertion was already used.");
}

export async function authenticateClient(db: Db, authorization: string | null, form: URLSearchParams): Promise<AuthenticatedClient> {
  const credentials = presented(authorization, form);
  if (!credentials.clientId || credentials.clientId.length > 200) throw new OAuthError("invalid_client", "Unknown client.");
  const [row] = await db
    .select({
      client: agentOauthClients,
      agent: { id: agents.id, name: agents.name, status: agents.status, scopes: agents.scopes, accessTokenLifetimeSeconds: agents.accessTokenLifetimeSeconds },
    })
    .from(agentOauthClients)
    .innerJoin(agents, eq(agents.id, agentOauthClients.agentId))
    .where(eq(agentOauthClients.clientId, credentials.clientId));
  if (!row || row.client.revokedAt) throw new OAuthError("invalid_client", "Unknown or revoked client.");
  if (row.client.authMethod !== credentials.method) {
    throw new OAuthError("invalid_client", `This client authenticates with ${row.client.authMethod}.`);
  }
  if (credentials.method === "private_key_jwt") await verifyAssertion(db, row.client, credentials.assertion ?? "");
  else if (!row.client.secretHash || !sameHash(hashSecret(credentials.secret ?? ""), row.client.secretHash)) {
    throw new OAuthError("invalid_client", "Unknown client or wrong secret.");
  }
  return row;
}

/** A contained, suspended or retired agent's client gets nothing, and is told why. */
export function refusalFor(agent: AuthenticatedClient["agent"]): string | null {
  if (agent.status === "active") return null;
  if (agent.status === "suspended") return `${agent.name} is contained (suspended by the kill switch); it can get no token until an admin restores it.`;
  return `${agent.name} is ${agent.status}; it can get no token.`;
}
