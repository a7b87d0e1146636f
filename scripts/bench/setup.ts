// Everything a run needs, made through the public API like any integration would:
// sign in as the first admin (next-auth's credentials flow over plain HTTP), mint an
// admin API key with that session, then keys, resource servers, agents and tokens.
import { ApiCaller, type HttpClient, type HttpReply, json } from "./http";
import { BENCH_ADMIN } from "./server";

function cookiesFrom(reply: HttpReply): string[] {
  const header = reply.headers["set-cookie"] ?? [];
  return header.map((cookie) => cookie.split(";")[0] as string);
}

/** next-auth credentials sign-in: CSRF token, then the callback; returns the session cookie header. */
export async function signIn(client: HttpClient): Promise<string> {
  const csrfReply = await client.request("GET", "/api/auth/csrf");
  const { csrfToken } = json<{ csrfToken: string }>(csrfReply, 200);
  const jar = cookiesFrom(csrfReply);
  const form = new URLSearchParams({ email: BENCH_ADMIN.email, password: BENCH_ADMIN.password, csrfToken, callbackUrl: "/" });
  const reply = await client.request("POST", "/api/auth/callback/credentials", {
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.join("; ") },
    body: form.toString(),
  });
  const session = cookiesFrom(reply).find((cookie) => /session-token=/.test(cookie) && !cookie.endsWith("="));
  if (!session) throw new Error(`sign-in as ${BENCH_ADMIN.email} failed (HTTP ${reply.status}, no session cookie)`);
  return session;
}

/** An admin API key, created with the signed-in session as a person would in Settings. */
export async function adminApi(client: HttpClient): Promise<ApiCaller> {
  const cookie = await signIn(client);
  const reply = await client.request("POST", "/api/v1/api-keys", {
    headers: { cookie, "content-type": "application/json" },
    body: JSON.stringify({ name: "npm run bench", role: "admin" }),
  });
  const { key } = json<{ key: string }>(reply);
  return new ApiCaller(client, `Bearer ${key}`);
}

export async function createIngestKey(admin: ApiCaller, name: string): Promise<{ id: string; key: string }> {
  return admin.post("/api/v1/ingest-keys", { name, unknownAgents: "reject" });
}

export interface ResourceServerCredentials {
  clientId: string;
  clientSecret: string;
  /** Ready-made HTTP Basic header (RFC 6749 §2.3.1: each part form-encoded first). */
  basic: string;
}

/**
 * Resource servers for token checks. The server allows each one 12,000 checks a
 * minute (lib/http/rate-limiter.ts); a load test from one of them would measure that
 * limit, not the check. Real deployments have many resource servers, so the bench
 * spreads its checks over several.
 */
export async function createResourceServers(admin: ApiCaller, count: number, label: string): Promise<ResourceServerCredentials[]> {
  const servers: ResourceServerCredentials[] = [];
  for (let index = 0; index < count; index++) {
    const { clientId, clientSecret } = await admin.post<{ clientId: string; clientSecret: string }>("/api/v1/resource-servers", {
      name: `bench ${label} ${index + 1}`,
    });
    const basic = `Basic ${Buffer.from(`${encodeURIComponent(clientId)}:${encodeURIComponent(clientSecret)}`).toString("base64")}`;
    servers.push({ clientId, clientSecret, basic });
  }
  return servers;
}

export interface BenchAgent {
  id: string;
  name: string;
}

export async function createAgents(admin: ApiCaller, prefix: string, count: number): Promise<BenchAgent[]> {
  const agents: BenchAgent[] = [];
  for (let index = 0; index < count; index++) {
    const name = `${prefix}-${String(index).padStart(3, "0")}`;
    const agent = await admin.post<{ id: string; name: string }>("/api/v1/agents", {
      name,
      owner: "bench@example.com",
      team: "bench",
      scopes: ["docs:read", "warehouse:read"],
    });
    agents.push({ id: agent.id, name: agent.name });
  }
  return agents;
}

/** Issues `count` tokens to an agent, `concurrency` requests at a time; returns the token strings. */
export async function issueTokens(admin: ApiCaller, agentId: string, count: number, concurrency: number): Promise<string[]> {
  const tokens: string[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, count) }, async () => {
      while (next < count) {
        next += 1;
        const issued = await admin.post<{ token: string }>(`/api/v1/agents/${agentId}/tokens`, { expiresInSeconds: 24 * 60 * 60 });
        tokens.push(issued.token);
      }
    }),
  );
  return tokens;
}
