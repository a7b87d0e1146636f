// Containment revokes what the agent holds in this machine's real PostgreSQL and Redis,
// and at a real OAuth server on loopback (oidc-provider). Each run makes its own role
// and ACL user with unique names and drops them afterwards; no other role is touched.
import { randomBytes } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import Redis from "ioredis";
import Provider from "oidc-provider";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/db/testing/test-database";
import type { UserCaller } from "@/lib/auth/caller";
import { createConnector } from "@/lib/connectors/create-connector";
import { disableConnector } from "@/lib/connectors/disable-connector";
import { runOutbox } from "@/lib/connectors/run-outbox";
import { containAgent } from "@/lib/containment/contain-agent";
import { getContainmentStatus } from "@/lib/containment/get-containment-status";
import { registerExternalCredential } from "@/lib/credentials/register-external-credential";
import { registerExternalCredentialInput } from "@/lib/credentials/external-credential-fields";
import { restoreAgent } from "@/lib/containment/restore-agent";
import { createAgent } from "@/lib/testing/agents";
import { reenablePostgresRole } from "./reenable-postgres-role";
import { createPerson } from "@/lib/testing/people";

const PG_ADMIN = process.env.REVOCATION_TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const REDIS_ADMIN = process.env.REVOCATION_TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
const suffix = randomBytes(5).toString("hex");
const role = `tq_revoke_role_${suffix}`;
const redisUser = `tq_revoke_user_${suffix}`;
const password = randomBytes(12).toString("hex");
const asRole = () => postgres(`postgres://${role}:${password}@127.0.0.1:5432/postgres`, { max: 1, connect_timeout: 5, onnotice: () => {} });

let t: TestDatabase;
let admin: UserCaller;
const pgAdmin = postgres(PG_ADMIN, { max: 1, onnotice: () => {} });
const redisAdmin = new Redis(REDIS_ADMIN, { lazyConnect: true });

beforeAll(async () => {
  t = await createTestDatabase();
  admin = await createPerson(t.db, "admin");
  await pgAdmin.unsafe(`create role "${role}" login password '${password}'`);
  await redisAdmin.connect();
  await redisAdmin.call("ACL", "SETUSER", redisUser, "on", `>${password}`, "~*", "+@all");
});
afterAll(async () => {
  await pgAdmin`select pg_terminate_backend(pid) from pg_stat_activity where usename = ${role}`;
  await pgAdmin.unsafe(`drop role if exists "${role}"`);
  await pgAdmin.end();
  await redisAdmin.call("ACL", "DELUSER", redisUser);
  redisAdmin.disconnect();
  await t.close();
});

const register = (agentId: string, input: Record<string, unknown>) =>
  registerExternalCredential(t.db, admin, agentId, registerExternalCredentialInput.parse(input));

describe("revocation connectors", () => {
  it("disables a PostgreSQL role (its open session ends, it cannot log in) and a Redis ACL user (AUTH fails)", async () => {
    const pg = await createConnector(t.db, admin, { name: `warehouse-${suffix}`, kind: "postgres", url: PG_ADMIN });
    const redis = await createConnector(t.db, admin, { name: `cache-${suffix}`, kind: "redis", url: REDIS_ADMIN });
    expect(pg.secret).toBeNull();
    const agent = await createAgent(t.db);
    await register(agent.id, { system: "warehouse", identifier: role, connectorId: pg.id });
    await register(agent.id, { system: "cache", identifier: redisUser, connectorId: redis.id });
    await register(agent.id, { system: "github", identifier: "deploy-token", expiresAt: "2030-01-01T00:00:00Z" });

    const session = asRole();
    expect(await session`select current_user as who`).toEqual([{ who: role }]);
    const probe = new Redis(REDIS_ADMIN, { lazyConnect: true, retryStrategy: () => null });
    await probe.connect();
    expect(await probe.call("AUTH", redisUser, password)).toBe("OK");
    probe.disconnect();

    const contained = await containAgent(t.db, admin, agent.id, { reason: "credential exfiltration" });
    expect(contained.revocationsQueued).toBe(2);
    await runOutbox(t.db);

    await expect(session`select 1`).rejects.toThrow();
    await session.end({ timeout: 1 }).catch(() => {});
    const again = asRole();
    await expect(again`select 1`).rejects.toThrow(/not permitted to log in/);
    await again.end({ timeout: 1 }).catch(() => {});
    const late = new Redis(REDIS_ADMIN, { lazyConnect: true, retryStrategy: () => null });
    await late.connect();
    await expect(late.call("AUTH", redisUser, password)).rejects.toThrow(/WRONGPASS|invalid username-password/);
    late.disconnect();

    const status = await getContainmentStatus(t.db, admin, agent.id);
    const byIdentifier = Object.fromEntries(status.leftover.results.map((result) => [result.identifier, result.result]));
    expect(byIdentifier).toEqual({ [role]: "revoked", [redisUser]: "revoked", "deploy-token": "not_revocable" });
    expect(status.leftover.credentials.map((credential) => credential.identifier)).toEqual(["deploy-token"]);
    expect(status.leftover.usableUntil).toBe("2030-01-01T00:00:00.000Z");

    // Restore: the role logs in again only with a new password, shown once; the old one is dead.
    const roleCredential = status.leftover.results.find((result) => result.identifier === role);
    await expect(reenablePostgresRole(t.db, admin, agent.id, roleCredential?.credentialId ?? "", { reason: "too early" })).rejects.toThrow(/Restore the agent first/);
    await restoreAgent(t.db, admin, agent.id, { reason: "rotated everything" });
    const reenabled = await reenablePostgresRole(t.db, admin, agent.id, roleCredential?.credentialId ?? "", { reason: "rotated everything" });
    expect(reenabled.password).not.toBe(password);
    const fresh = postgres(`postgres://${role}:${reenabled.password}@127.0.0.1:5432/postgres`, { max: 1, onnotice: () => {} });
    expect(await fresh`select current_user as who`).toEqual([{ who: role }]);
    await fresh.end();
    await disableConnector(t.db, admin, pg.id);
    await disableConnector(t.db, admin, redis.id);
  });

  it("records a failure with the system's reason, without retrying what cannot succeed, and the containment stands", async () => {
    const pg = await createConnector(t.db, admin, { name: `gone-${suffix}`, kind: "postgres", url: PG_ADMIN });
    const agent = await createAgent(t.db);
    await register(agent.id, { system: "warehouse", identifier: `tq_no_such_role_${suffix}`, connectorId: pg.id });
    await register(agent.id, { system: "warehouse", identifier: `bad"; drop role postgres; --`, connectorId: pg.id });
    await containAgent(t.db, admin, agent.id, { reason: "test" });
    await runOutbox(t.db);
    const status = await getContainmentStatus(t.db, admin, agent.id);
    expect(status.current).not.toBeNull();
    expect(status.leftover.results.map((result) => [result.result, result.errorCode]).sort()).toEqual([
      ["failed", "invalid_role"],
      ["failed", "no_such_role"],
    ]);
    expect(status.deliveries.every((delivery) => delivery.attempts === 1 && delivery.status === "failed")).toBe(true);
    expect(await pgAdmin`select 1 from pg_roles where rolname = 'postgres' and rolcanlogin`).toHaveLength(1);
    await disableConnector(t.db, admin, pg.id);
  });

  it("revokes an oauth token at its own server with RFC 7009 and the connector's client credentials", async () => {
    const server = http.createServer();
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const client = { client_id: "tourniquet-revoker", client_secret: "revoker-secret-0123456789abcdef", grant_types: ["client_credentials"], response_types: [], redirect_uris: [] };
    const agentClient = { ...client, client_id: "the-agent", client_secret: "agent-secret-0123456789abcdef" };
    const provider = new Provider(issuer, {
      clients: [client, agentClient],
      features: { clientCredentials: { enabled: true }, revocation: {
          enabled: true,
          // The connector's client is this server's revoking client: it may revoke other clients' tokens.
          allowedPolicy: (_context, caller, token) => caller.clientId === client.client_id || caller.clientId === token.clientId,
        }, introspection: { enabled: true }, devInteractions: { enabled: false } },
    });
    server.on("request", provider.callback());
    const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${id}:${secret}`).toString("base64")}`;
    const issued = (await (
      await fetch(`${issuer}/token`, {
        method: "POST",
        headers: { authorization: basic(agentClient.client_id, agentClient.client_secret), "content-type": "application/x-www-form-urlencoded" },
        body: "grant_type=client_credentials",
      })
    ).json()) as { access_token: string };
    const introspect = async () =>
      ((await (
        await fetch(`${issuer}/token/introspection`, {
          method: "POST",
          headers: { authorization: basic(agentClient.client_id, agentClient.client_secret), "content-type": "application/x-www-form-urlencoded" },
          body: new URLSearchParams({ token: issued.access_token }),
        })
      ).json()) as { active: boolean }).active;
    try {
      expect(await introspect()).toBe(true);
      const oauth = await createConnector(t.db, admin, {
        name: `as-${suffix}`,
        kind: "oauth",
        url: `http://${client.client_id}:${client.client_secret}@127.0.0.1:${new URL(issuer).port}/token/revocation`,
      });
      expect(oauth.url).not.toContain(client.client_secret);
      const agent = await createAgent(t.db);
      const credential = await register(agent.id, { system: "partner-as", identifier: "client_credentials token", connectorId: oauth.id, secret: issued.access_token });
      expect(JSON.stringify(credential)).not.toContain(issued.access_token);
      await containAgent(t.db, admin, agent.id, { reason: "token leak" });
      await runOutbox(t.db);
      expect(await introspect()).toBe(false);
      const status = await getContainmentStatus(t.db, admin, agent.id);
      expect(status.leftover.results).toMatchObject([{ result: "revoked", connector: { kind: "oauth" } }]);
      await disableConnector(t.db, admin, oauth.id);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
