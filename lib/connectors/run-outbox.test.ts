import { eq } from "drizzle-orm";
import { createLocalJWKSet, decodeProtectedHeader, jwtVerify } from "jose";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/db/testing/test-database";
import { deliveries } from "@/db/schema";
import type { UserCaller } from "@/lib/auth/caller";
import { containAgent } from "@/lib/containment/contain-agent";
import { createAgent } from "@/lib/testing/agents";
import { createPerson } from "@/lib/testing/people";
import { freePort, startReceiver } from "@/lib/testing/receiver";
import { createStream } from "@/lib/ssf/create-stream";
import { readStreamStatus } from "@/lib/ssf/stream-status";
import { createConnector } from "./create-connector";
import { disableConnector } from "./disable-connector";
import { runOutbox } from "./run-outbox";
import { signingKey } from "./signing-key";
import { CAEP_CREDENTIAL_CHANGE, CAEP_SESSION_REVOKED } from "./vocabulary";

let t: TestDatabase;
let admin: UserCaller;
beforeAll(async () => {
  t = await createTestDatabase();
  admin = await createPerson(t.db, "admin");
});
afterAll(() => t.close());

/** Makes retries due now instead of after their backoff. */
const makeDue = () => t.db.update(deliveries).set({ nextAttemptAt: new Date(Date.now() - 1000) });

describe("the delivery outbox", () => {
  it("delivers a Standard Webhooks event to a receiver that was down, later, with a signature the official library verifies", async () => {
    const port = await freePort();
    const connector = await createConnector(t.db, admin, { name: "siem", kind: "webhook", url: `http://127.0.0.1:${port}/hook` });
    expect(connector.secret).toMatch(/^whsec_/);
    const agent = await createAgent(t.db, { name: "webhook-target" });
    const contained = await containAgent(t.db, admin, agent.id, { reason: "exfiltration attempt" });
    expect(contained.notificationsQueued).toBe(1);

    expect(await runOutbox(t.db)).toMatchObject({ attempted: 1, delivered: 0 });
    const [failed] = await t.db.select().from(deliveries).where(eq(deliveries.connectorId, connector.id));
    expect(failed).toMatchObject({ status: "retrying", attempts: 1 });
    expect(failed?.lastError).toMatch(/could not reach the receiver/);
    expect(failed?.nextAttemptAt.getTime()).toBeGreaterThan(Date.now());

    const receiver = await startReceiver(port);
    try {
      expect(await runOutbox(t.db)).toMatchObject({ attempted: 0 }); // still backing off
      await makeDue();
      expect(await runOutbox(t.db)).toMatchObject({ attempted: 1, delivered: 1 });
      const [message] = receiver.received;
      if (!message) throw new Error("nothing received");
      const payload = new Webhook(String(connector.secret)).verify(message.body, message.headers) as { type: string; data: { agent: { name: string }; containment: { reason: string } } };
      expect(payload).toMatchObject({ type: "agent.contained", data: { agent: { name: "webhook-target" }, containment: { reason: "exfiltration attempt" } } });
      expect(() => new Webhook(`whsec_${Buffer.from("another secret of 32 bytes!!!!!").toString("base64")}`).verify(message.body, message.headers)).toThrow();
      const [done] = await t.db.select().from(deliveries).where(eq(deliveries.connectorId, connector.id));
      expect(done).toMatchObject({ status: "delivered", attempts: 2, lastStatusCode: 200 });
    } finally {
      await receiver.close();
      await disableConnector(t.db, admin, connector.id);
    }
  });

  it("pushes CAEP session-revoked and credential-change events as signed SETs", async () => {
    const receiver = await startReceiver(0, 202);
    try {
      const connector = await createConnector(t.db, admin, { name: "idp", kind: "caep", url: receiver.url });
      const agent = await createAgent(t.db);
      await containAgent(t.db, admin, agent.id, { reason: "credential leak" });
      await runOutbox(t.db);
      expect(receiver.received).toHaveLength(2);
      const jwks = createLocalJWKSet({ keys: [(await signingKey(t.db)).publicJwk] });
      const events = [];
      for (const message of receiver.received) {
        expect(message.headers["content-type"]).toBe("application/secevent+jwt");
        expect(message.headers.authorization).toBe(`Bearer ${connector.secret}`);
        expect(decodeProtectedHeader(message.body).typ).toBe("secevent+jwt");
        const { payload } = await jwtVerify(message.body, jwks, { audience: receiver.url });
        events.push(payload.events as Record<string, { subject: { id: string }; reason_admin: { en: string } }>);
      }
      const types = events.flatMap((event) => Object.keys(event)).sort();
      expect(types).toEqual([CAEP_CREDENTIAL_CHANGE, CAEP_SESSION_REVOKED].sort());
      for (const event of events) {
        for (const body of Object.values(event)) expect(body).toMatchObject({ subject: { id: agent.id }, reason_admin: { en: "credential leak" } });
      }
      await disableConnector(t.db, admin, connector.id);
    } finally {
      await receiver.close();
    }
  });

  it("gives up after the last attempt and never undoes the containment", async () => {
    const port = await freePort();
    const connector = await createConnector(t.db, admin, { name: "gone", kind: "webhook", url: `http://127.0.0.1:${port}/hook` });
    const agent = await createAgent(t.db);
    await containAgent(t.db, admin, agent.id, { reason: "test" });
    await t.db.update(deliveries).set({ attempts: 11 }).where(eq(deliveries.connectorId, connector.id));
    await runOutbox(t.db);
    const [row] = await t.db.select().from(deliveries).where(eq(deliveries.connectorId, connector.id));
    expect(row).toMatchObject({ status: "failed", attempts: 12 });
    await disableConnector(t.db, admin, connector.id);
  });
});

describe("push answers (RFC 8935)", () => {
  it("stops retrying a SET the receiver rejects with an err code, keeps the code, and pauses the stream", async () => {
    const { createServer } = await import("node:http");
    let hits = 0;
    const server = createServer((_request, response) => {
      hits += 1;
      response.writeHead(400, { "content-type": "application/json" }).end(JSON.stringify({ err: "invalid_audience", description: "not for us" }));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const port = (server.address() as { port: number }).port;
    try {
      const stream = await createStream(t.db, admin, { delivery: { method: "urn:ietf:rfc:8935", endpoint_url: `http://127.0.0.1:${port}/events` } }, "http://tq.test");
      const agent = await createAgent(t.db);
      await containAgent(t.db, admin, agent.id, { reason: "rejected" });
      await runOutbox(t.db);
      await makeDue();
      await runOutbox(t.db);
      const rows = await t.db.select().from(deliveries).where(eq(deliveries.connectorId, stream.stream_id));
      expect(rows.map((row) => [row.status, row.attempts, row.errorCode, row.errorDescription])).toEqual([
        ["failed", 1, "invalid_audience", "not for us"],
        ["failed", 1, "invalid_audience", "not for us"],
      ]);
      expect(hits).toBe(2);
      expect(await readStreamStatus(t.db, admin, stream.stream_id)).toMatchObject({ status: "paused", reason: expect.stringContaining("invalid_audience") });
      await disableConnector(t.db, admin, stream.stream_id);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
