// RFC 8414 authorization server metadata, served at both well-known names so stock OAuth
// and OpenID clients (the MCP SDK, openid-client, oauth4webapi) discover it by default.
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { rowsOf } from "@/db/rows-of";
import { oauthClientAuthMethods } from "@/db/schema";
import { oauthIssuer } from "./issuer";
import { supportedGrantTypes } from "./token-endpoint";

export async function serverMetadata(db: Db): Promise<Record<string, unknown>> {
  const issuer = oauthIssuer();
  const scopes = await db.execute(
    sql`select distinct unnest(scopes) as scope from agents where status = 'active' and scopes <> '{}' order by 1 limit 500`,
  );
  const resourceServerMethods = ["client_secret_basic", "client_secret_post"];
  return {
    issuer,
    authorization_endpoint: `${issuer}/oauth/authorize`,
    token_endpoint: `${issuer}/api/oauth/token`,
    token_endpoint_auth_methods_supported: [...oauthClientAuthMethods],
    token_endpoint_auth_signing_alg_values_supported: ["RS256", "PS256", "ES256", "ES384", "EdDSA"],
    introspection_endpoint: `${issuer}/api/oauth/introspect`,
    introspection_endpoint_auth_methods_supported: resourceServerMethods,
    revocation_endpoint: `${issuer}/api/oauth/revoke`,
    revocation_endpoint_auth_methods_supported: resourceServerMethods,
    jwks_uri: `${issuer}/.well-known/jwks.json`,
    grant_types_supported: supportedGrantTypes,
    response_types_supported: ["code"],
    response_modes_supported: ["query"],
    code_challenge_methods_supported: ["S256"],
    scopes_supported: rowsOf<{ scope: string }>(scopes).map((row) => row.scope),
    authorization_response_iss_parameter_supported: true,
    subject_types_supported: ["public"],
  };
}
