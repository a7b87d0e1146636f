// A Shared Signals receiver that knows only Tourniquet's /.well-known/ssf-configuration
// and a receiver credential from Settings: it creates its stream, verifies it, and gets
// the containment's CAEP events as SETs it checks with jose through jwks_uri.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { type APIRequestContext, expect, test } from "@playwright/test";
import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify } from "jose";
import { E2E_ADMIN } from "./fixtures/constants";

const PUSH = "urn:ietf:rfc:8935";
const POLL = "urn:ietf:rfc:8936";
const SESSION_REVOKED = "https://schemas.openid.net/secevent/caep/event-type/session-revoked";
const CREDENTIAL_CHANGE = "https://schemas.openid.net/secevent/caep/event-type/credential-change";
const VERIFICATION = "https://schemas.openid.net/secevent/ssf/event-type/verification";

interface Pushed {
  authorization: string | undefined;
  contentType: string | undefined;
  token: string;
}

/** A push receiver on loopback (RFC 8935) that answers every SET with `status` and `body`. */
async function startPushReceiver(status = 202, body = "") {
  const received: Pushed[] = [];
  const server = http.createServer((request, response) => {
    let token = "";
    request.on("data", (chunk) => (token += chunk));
    request.on("end", () => {
      received.push({ authorization: request.headers.authorization, contentType: request.headers["content-type"], token });
      response.writeHead(status, body ? { "content-type": "application/json" } : {}).end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/events`;
  return { url, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** What the admin does once, in Settings: a receiver credential. Everything after uses only it. */
async function receiverCredential(page: APIRequestContext): Promise<string> {
  await signInOverHttp(page);
  const created = await page.post("/api/v1/ssf-receivers", { data: { name: `receiver-${Date.now()}` } });
  expect(created.status()).toBe(201);
  return (await created.json()).token;
}

/** The admin signs in through next-auth's credentials endpoint (no browser needed); the context keeps the cookie. */
async function signInOverHttp(request: APIRequestContext): Promise<void> {
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const signedIn = await request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email: E2E_ADMIN.email, password: E2E_ADMIN.password, redirect: "false" },
    maxRedirects: 0,
  });
  expect(signedIn.status()).toBeLessThan(400);
  expect((await (await request.get("/api/v1/me")).json()).email).toBe(E2E_ADMIN.email);
}

async function containNewAgent(page: APIRequestContext, owner: string) {
  const agent = await (await page.post("/api/v1/agents", { data: { name: `ssf-${Date.now()}-${Math.random().toString(36).slice(2, 6)}`, owner, scopes: ["docs:read"] } })).json();
  expect((await page.post(`/api/v1/agents/${agent.id}/contain`, { data: { reason: "leaked its token in a forum post" } })).status()).toBe(200);
  return agent as { id: string };
}

interface TransmitterConfiguration {
  issuer: string;
  jwks_uri: string;
  configuration_endpoint: string;
  status_endpoint: string;
  verification_endpoint: string;
}

async function onboard(baseURL: string) {
  const response = await fetch(`${baseURL}/.well-known/ssf-configuration`);
  expect(response.status).toBe(200);
  const config = await response.json();
  expect(config).toMatchObject({ issuer: baseURL, delivery_methods_supported: expect.arrayContaining([PUSH, POLL]), default_subjects: "ALL" });
  for (const key of ["jwks_uri", "configuration_endpoint", "status_endpoint", "verification_endpoint", "add_subject_endpoint", "remove_subject_endpoint"]) {
    expect(config[key], key).toMatch(/^http:\/\/127\.0\.0\.1:/);
  }
  expect(config.authorization_schemes).toEqual([{ spec_urn: "urn:ietf:rfc:6750" }]);
  return config as TransmitterConfiguration;
}

const call = (token: string) => (url: string, method: string, body?: unknown) =>
  fetch(url, { method, headers: { authorization: `Bearer ${token}`, ...(body ? { "content-type": "application/json" } : {}) }, body: body ? JSON.stringify(body) : undefined });

async function verifySet(token: string, config: TransmitterConfiguration, audience: string) {
  expect(decodeProtectedHeader(token).typ).toBe("secevent+jwt");
  const { payload, protectedHeader } = await jwtVerify(token, createRemoteJWKSet(new URL(config.jwks_uri)), { issuer: config.issuer, audience, typ: "secevent+jwt" });
  return { payload: payload as Record<string, unknown> & { events: Record<string, Record<string, unknown>>; sub_id: Record<string, unknown>; txn?: string }, alg: protectedHeader.alg };
}

function expectContainmentSets(sets: Awaited<ReturnType<typeof verifySet>>["payload"][], agentId: string, owner: string) {
  expect(sets.flatMap((set) => Object.keys(set.events)).sort()).toEqual([CREDENTIAL_CHANGE, SESSION_REVOKED]);
  const [first] = sets;
  expect(first?.txn).toBeTruthy();
  for (const set of sets) {
    expect(set.txn).toBe(first?.txn);
    expect(set.sub_id).toMatchObject({ format: "complex", application: { format: "iss_sub", sub: agentId }, user: { format: "email", email: owner } });
    const body = Object.values(set.events)[0];
    expect(body).toMatchObject({ initiating_entity: "admin", reason_admin: { en: "leaked its token in a forum post" } });
  }
  const change = sets.find((set) => CREDENTIAL_CHANGE in set.events)?.events[CREDENTIAL_CHANGE];
  expect(change).toMatchObject({ credential_type: "password", change_type: "revoke" });
}

test("push: a receiver onboards from the configuration URL, verifies its stream and receives the containment's SETs", async ({ request: page, baseURL }) => {
  const base = baseURL ?? "";
  const receiver = await startPushReceiver();
  try {
    const token = await receiverCredential(page);
    const config = await onboard(base);
    const as = call(token);
    const created = await as(config.configuration_endpoint, "POST", {
      delivery: { method: PUSH, endpoint_url: receiver.url, authorization_header: "Bearer receiver-own-secret" },
      events_requested: [SESSION_REVOKED, CREDENTIAL_CHANGE],
      signing_alg: "RS256",
    });
    expect(created.status).toBe(201);
    const stream = await created.json();
    expect(stream).toMatchObject({ iss: base, delivery: { method: PUSH, endpoint_url: receiver.url }, events_delivered: [SESSION_REVOKED, CREDENTIAL_CHANGE] });
    expect(await (await as(`${config.configuration_endpoint}?stream_id=${stream.stream_id}`, "GET")).json()).toMatchObject({ stream_id: stream.stream_id });

    expect((await as(config.verification_endpoint, "POST", { stream_id: stream.stream_id, state: "check-1" })).status).toBe(204);
    await expect.poll(() => receiver.received.length, { timeout: 15_000 }).toBe(1);
    const [verification] = receiver.received;
    expect(verification).toMatchObject({ authorization: "Bearer receiver-own-secret", contentType: "application/secevent+jwt" });
    const verified = await verifySet(verification?.token ?? "", config, stream.aud);
    expect(verified.alg).toBe("RS256");
    expect(verified.payload.events[VERIFICATION]).toEqual({ state: "check-1" });
    expect(verified.payload.sub_id).toEqual({ format: "opaque", id: stream.stream_id });

    const owner = "dana.owner@example.com";
    const agent = await containNewAgent(page, owner);
    await expect.poll(() => receiver.received.length, { timeout: 15_000 }).toBe(3);
    const sets = await Promise.all(receiver.received.slice(1).map(async (message) => (await verifySet(message.token, config, stream.aud)).payload));
    expectContainmentSets(sets, agent.id, owner);
    expect(await (await as(`${config.status_endpoint}?stream_id=${stream.stream_id}`, "GET")).json()).toEqual({ stream_id: stream.stream_id, status: "enabled" });
    expect((await as(`${config.configuration_endpoint}?stream_id=${stream.stream_id}`, "DELETE")).status).toBe(204);
  } finally {
    await receiver.close();
  }
});

test("poll: the receiver takes SETs from the poll endpoint and acknowledges them", async ({ request: page, baseURL }) => {
  const base = baseURL ?? "";
  const token = await receiverCredential(page);
  const config = await onboard(base);
  const as = call(token);
  const stream = await (await as(config.configuration_endpoint, "POST", { delivery: { method: POLL }, events_requested: [SESSION_REVOKED, CREDENTIAL_CHANGE] })).json();
  const endpoint = stream.delivery.endpoint_url as string;
  expect(endpoint).toBe(`${base}/api/ssf/poll/${stream.stream_id}`);
  const poll = async (body: Record<string, unknown>) => {
    const response = await as(endpoint, "POST", body);
    expect(response.status).toBe(200);
    return (await response.json()) as { sets: Record<string, string>; moreAvailable: boolean };
  };

  expect((await as(config.verification_endpoint, "POST", { stream_id: stream.stream_id, state: "poll-check" })).status).toBe(204);
  const first = await poll({ maxEvents: 10, returnImmediately: true });
  const [[verificationJti, verificationSet] = []] = Object.entries(first.sets);
  const verified = await verifySet(verificationSet ?? "", config, stream.aud);
  expect(verified.payload.events[VERIFICATION]).toEqual({ state: "poll-check" });
  expect(verified.payload.jti).toBe(verificationJti);

  const owner = "poll.owner@example.com";
  const agent = await containNewAgent(page, owner);
  const second = await poll({ maxEvents: 10, returnImmediately: true, ack: [verificationJti] });
  expect(Object.keys(second.sets)).toHaveLength(2);
  const sets = await Promise.all(Object.values(second.sets).map(async (set) => (await verifySet(set, config, stream.aud)).payload));
  expectContainmentSets(sets, agent.id, owner);
  // Not acknowledged yet: offered again. Acknowledged: gone.
  expect(Object.keys((await poll({ returnImmediately: true })).sets).sort()).toEqual(Object.keys(second.sets).sort());
  expect(await poll({ returnImmediately: true, ack: Object.keys(second.sets) })).toEqual({ sets: {}, moreAvailable: false });
  const containment = await (await page.get(`/api/v1/agents/${agent.id}/containment`)).json();
  const onStream = containment.deliveries.filter((delivery: { connector: string }) => delivery.connector === stream.description);
  expect(onStream.map((delivery: { status: string }) => delivery.status)).toEqual(["delivered", "delivered"]);
  expect((await as(`${config.configuration_endpoint}?stream_id=${stream.stream_id}`, "DELETE")).status).toBe(204);
});

test("a receiver answering 400 with an RFC 8935 err: retried at most once, the code shows on the containment and the stream's status", async ({ request: page, baseURL }) => {
  const base = baseURL ?? "";
  const receiver = await startPushReceiver(400, JSON.stringify({ err: "invalid_issuer", description: "we do not trust this issuer" }));
  try {
    const token = await receiverCredential(page);
    const config = await onboard(base);
    const as = call(token);
    const stream = await (await as(config.configuration_endpoint, "POST", { delivery: { method: PUSH, endpoint_url: receiver.url }, description: `rejecting-${Date.now()}` })).json();
    const agent = await containNewAgent(page, "rejected@example.com");
    const mine = async () => {
      const containment = await (await page.get(`/api/v1/agents/${agent.id}/containment`)).json();
      return containment.deliveries.filter((delivery: { connector: string }) => delivery.connector === stream.description) as {
        status: string;
        attempts: number;
        errorCode: string | null;
        errorDescription: string | null;
        lastError: string;
      }[];
    };
    await expect.poll(async () => (await mine()).map((delivery) => delivery.status), { timeout: 15_000 }).toEqual(["failed", "failed"]);
    // Long enough for the outbox (every 2 s, backoff from 2 s) to have retried if it were going to.
    await new Promise((resolve) => setTimeout(resolve, 6_000));
    for (const delivery of await mine()) {
      expect(delivery.attempts).toBeLessThanOrEqual(2);
      expect(delivery).toMatchObject({ errorCode: "invalid_issuer", errorDescription: "we do not trust this issuer" });
      expect(delivery.lastError).toContain("invalid_issuer");
    }
    expect(receiver.received.length).toBeLessThanOrEqual(4);
    expect(await (await as(`${config.status_endpoint}?stream_id=${stream.stream_id}`, "GET")).json()).toMatchObject({ status: "paused", reason: expect.stringContaining("invalid_issuer") });
    expect((await as(`${config.configuration_endpoint}?stream_id=${stream.stream_id}`, "DELETE")).status).toBe(204);
  } finally {
    await receiver.close();
  }
});
