// Who may call what. Each route handler names the permission it needs; the expected
// answer for each kind of caller follows from it (see expectedFor).
export type Policy =
  | "public" // anyone
  | "read" // console:read (viewers and up, API keys, sessions)
  | "user" // a signed-in person (session only)
  | "act" // agents:act / incidents:act (responders, admins, responder keys)
  | "admin" // users, keys, connectors
  | "restore" // admins only
  | "ingest" // ingest keys only
  | "ingestOtlp" // ingest keys only, and anything else is 401 (OTLP speaks no sessions)
  | "resourceServer" // HTTP Basic client credentials only
  | "oauthClient" // an agent's OAuth client credentials only (the token endpoint)
  | "agent" // agent tokens only (an agent asking for approval)
  | "gateway" // the MCP gateway: agent tokens only, and anything else is 401 with WWW-Authenticate (MCP authorization)
  | "readOrAgent" // console:read, or an agent token (it sees only its own)
  | "notFound" // the catch-all: 404 for everyone
  | "nextAuth"; // next-auth's own endpoints, not ours to gate

export const matrix: Record<string, Policy> = {
  "GET /.well-known/jwks.json": "public",
  "GET /.well-known/oauth-protected-resource/mcp/[name]": "public",
  // The MCP gateway and its upstream servers (issue 15).
  "GET /mcp/[name]": "gateway",
  "POST /mcp/[name]": "gateway",
  "DELETE /mcp/[name]": "gateway",
  "GET /api/v1/mcp-servers": "admin",
  "POST /api/v1/mcp-servers": "admin",
  "GET /api/v1/mcp-servers/[id]": "admin",
  "PATCH /api/v1/mcp-servers/[id]": "admin",
  "GET /api/v1/mcp-servers/[id]/tools": "admin",
  "POST /api/v1/mcp-servers/[id]/disable": "admin",
  "GET /.well-known/ssf-configuration": "public",
  // SSF stream management: admins (session or admin API key) and SSF receivers (their own streams).
  "GET /api/ssf/streams": "admin",
  "POST /api/ssf/streams": "admin",
  "PATCH /api/ssf/streams": "admin",
  "PUT /api/ssf/streams": "admin",
  "DELETE /api/ssf/streams": "admin",
  "GET /api/ssf/streams/status": "admin",
  "POST /api/ssf/streams/status": "admin",
  "POST /api/ssf/streams/subjects/add": "admin",
  "POST /api/ssf/streams/subjects/remove": "admin",
  "POST /api/ssf/streams/verify": "admin",
  "POST /api/ssf/poll/[streamId]": "admin",
  "POST /api/v1/agents/[id]/credentials/[credentialId]/reenable": "restore",
  "GET /api/v1/ssf-receivers": "admin",
  "POST /api/v1/ssf-receivers": "admin",
  "POST /api/v1/ssf-receivers/[id]/revoke": "admin",
  "GET /.well-known/oauth-authorization-server": "public",
  "GET /.well-known/openid-configuration": "public",
  "POST /api/oauth/token": "oauthClient",
  "POST /api/oauth/authorize": "user",
  "GET /api/v1/delegations": "read",
  "POST /api/v1/delegations/[id]/revoke": "read",
  "GET /api/v1/agents/[id]/oauth-clients": "read",
  "POST /api/v1/agents/[id]/oauth-clients": "act",
  "POST /api/v1/agents/[id]/oauth-clients/[clientId]/revoke": "act",
  "GET /api/auth/[...nextauth]": "nextAuth",
  "POST /api/auth/[...nextauth]": "nextAuth",
  "GET /api/health": "public",
  "POST /api/oauth/introspect": "resourceServer",
  "POST /api/oauth/revoke": "resourceServer",
  "POST /api/otel/v1/traces": "ingestOtlp",
  "POST /v1/traces": "ingestOtlp",
  "GET /api/v1/[...path]": "notFound",
  "POST /api/v1/[...path]": "notFound",
  "PUT /api/v1/[...path]": "notFound",
  "PATCH /api/v1/[...path]": "notFound",
  "DELETE /api/v1/[...path]": "notFound",
  "GET /api/v1/me": "user",
  "GET /api/v1/actions": "read",
  "POST /api/v1/actions": "ingest",
  "GET /api/v1/actions/histogram": "read",
  "GET /api/v1/stream": "read",
  "GET /api/v1/agents": "read",
  "POST /api/v1/agents": "act",
  "POST /api/v1/agents/contain": "act",
  "GET /api/v1/agents/[id]": "read",
  "PATCH /api/v1/agents/[id]": "act",
  "POST /api/v1/agents/[id]/contain": "act",
  "POST /api/v1/agents/[id]/restore": "restore",
  "GET /api/v1/agents/[id]/containment": "read",
  "GET /api/v1/agents/[id]/tokens": "read",
  "POST /api/v1/agents/[id]/tokens": "act",
  "POST /api/v1/agents/[id]/tokens/[tokenId]/revoke": "act",
  "GET /api/v1/agents/[id]/credentials": "read",
  "POST /api/v1/agents/[id]/credentials": "act",
  "POST /api/v1/agents/[id]/credentials/[credentialId]/revoke": "act",
  "GET /api/v1/incidents": "read",
  "POST /api/v1/incidents": "act",
  "GET /api/v1/incidents/[id]": "read",
  "PATCH /api/v1/incidents/[id]": "act",
  "POST /api/v1/incidents/[id]/contain": "act",
  "POST /api/v1/incidents/[id]/notes": "act",
  "POST /api/v1/incidents/[id]/pins": "act",
  "GET /api/v1/incidents/[id]/blast-radius": "read",
  "GET /api/v1/incidents/[id]/report": "read",
  "GET /api/v1/audit/verify": "read",
  "GET /api/v1/users": "admin",
  "POST /api/v1/users": "admin",
  "PATCH /api/v1/users/[id]": "admin",
  "GET /api/v1/api-keys": "admin",
  "POST /api/v1/api-keys": "admin",
  "POST /api/v1/api-keys/[id]/revoke": "admin",
  "GET /api/v1/scim-tokens": "admin",
  "POST /api/v1/scim-tokens": "admin",
  "POST /api/v1/scim-tokens/[id]/revoke": "admin",
  "GET /api/v1/ingest-keys": "admin",
  "POST /api/v1/ingest-keys": "admin",
  "POST /api/v1/ingest-keys/[id]/revoke": "admin",
  "GET /api/v1/resource-servers": "admin",
  "POST /api/v1/resource-servers": "admin",
  "POST /api/v1/resource-servers/[id]/revoke": "admin",
  "GET /api/v1/connectors": "admin",
  "POST /api/v1/connectors": "admin",
  "POST /api/v1/connectors/[id]/disable": "admin",
  "GET /api/v1/rules": "read",
  "GET /api/v1/rules/[key]": "read",
  "PATCH /api/v1/rules/[key]": "admin",
  "GET /api/v1/alerts": "read",
  "GET /api/v1/alerts/[id]": "read",
  "POST /api/v1/alerts/[id]/acknowledge": "act",
  "POST /api/v1/alerts/[id]/dismiss": "act",
  "POST /api/v1/alerts/[id]/incident": "act",
  "GET /api/v1/approvals": "read",
  "POST /api/v1/approvals": "agent",
  "GET /api/v1/approvals/requirements": "readOrAgent",
  "GET /api/v1/approvals/[id]": "readOrAgent",
  // Readers pass the first check; the verb then allows only the agent's owner or a
  // responder (lib/approvals/approvals.test.ts proves the 403 on a real request).
  "POST /api/v1/approvals/[id]/decision": "read",
};

/** Server actions, each with why it is safe to expose. */
export const serverActionPolicies: Record<string, string> = {
  "app/sign-in/actions.ts#signInWithPassword": "public by design: it is how a person proves who they are (rate limited, audited)",
  "app/sign-in/actions.ts#signInWithOidc": "public by design: starts the identity provider's sign-in",
  "app/(console)/actions.ts#signOutAction": "ends the caller's own session only",
};

export const callers = ["anonymous", "viewer", "responder", "admin", "apiKey", "agentToken", "revokedToken", "ingestKey"] as const;
export type CallerKind = (typeof callers)[number];

/** "allow" means: not 401, not 403, and not a 5xx. */
export type Expectation = 401 | 403 | 404 | "allow";

export function expectedFor(policy: Policy, caller: CallerKind): Expectation | "skip" {
  if (policy === "nextAuth") return "skip";
  if (policy === "public") return "allow";
  if (policy === "notFound") return 404;
  if (caller === "revokedToken") return 401; // a bearer that is presented and invalid is never ignored
  if (policy === "resourceServer" || policy === "oauthClient") return 401; // none of these callers sends client credentials
  if (policy === "ingestOtlp") return caller === "ingestKey" ? "allow" : 401;
  if (policy === "gateway") return caller === "agentToken" ? "allow" : 401;
  if (caller === "anonymous") return 401;
  if (policy === "ingest") return caller === "ingestKey" ? "allow" : 403;
  if (policy === "agent") return caller === "agentToken" ? "allow" : 403;
  if (policy === "readOrAgent" && caller === "agentToken") return "allow";
  if (policy === "user") return ["viewer", "responder", "admin"].includes(caller) ? "allow" : 401;
  const granted: Record<CallerKind, Policy[]> = {
    anonymous: [],
    viewer: ["read"],
    responder: ["read", "act"],
    admin: ["read", "act", "admin", "restore"],
    apiKey: ["read", "act"], // a responder-role API key
    agentToken: [],
    revokedToken: [],
    ingestKey: [],
  };
  return granted[caller].includes(policy === "readOrAgent" ? "read" : policy) ? "allow" : 403;
}
