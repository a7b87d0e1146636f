// The outbox's lease: renewed while a send is in flight (a slow receiver is not sent
// the delivery twice), short enough that a crashed sender's deliveries are retried
// within seconds, and a delivery whose outcome was recorded is never sent again.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/db/testing/test-database";
import { deliveries } from "@/db/schema";
import type { UserCaller } from "@/lib/auth/caller";
import { containAgent } from "@/lib/containment/contain-agent";
import { createAgent } from "@/lib/testing/agents";
import { createPerson } from "@/lib/testing/people";
import { startReceiver } from "@/lib/testing/receiver";
import { createConnector } from "./create-connector";
import { disableConnector } from "./disable-connector";
import { LEASE_MS, claimDeliveries, runOutbox } from "./run-outbox";

let t: TestDatabase;
let admin: UserCaller;
beforeAll(async () => {
  t = await createTestDatabase();
  admin = await createPerson(t.db, "admin");
});
afterAll(() => t.close());

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const idsOf = (received: { headers: Record<string, string> }[]) => received.map((message) => message.headers["webhook-id"]);

describe("the outbox lease", () => {
  it("is renewed while a slow send is in flight: another worker polling meanwhile sends nothing twice", async () => {
    const receiver = await startReceiver(0, 200, LEASE_MS + 500);
    const connector = await createConnector(t.db, admin, { name: "slow", kind: "webhook", url: receiver.url });
    try {
      await containAgent(t.db, admin, (await createAgent(t.db)).id, { reason: "slow receiver" });
      const first = runOutbox(t.db);
      // A second worker (another replica) polls all along, past the lease's length.
      const deadline = Date.now() + LEASE_MS + 1_500;
      while (Date.now() < deadline) {
        expect((await runOutbox(t.db)).attempted).toBe(0);
        await sleep(250);
      }
      expect(await first).toMatchObject({ attempted: 1, delivered: 1 });
      expect(receiver.received).toHaveLength(1);
      const [row] = await t.db.select().from(deliveries).where(eq(deliveries.connectorId, connector.id));
      expect(row).toMatchObject({ status: "delivered", attempts: 1 });
    } finally {
      await disableConnector(t.db, admin, connector.id);
      await receiver.close();
    }
  }, 30_000);

  it("lets a crashed sender's deliveries go out within seconds, once, and never resends a recorded one", async () => {
    const receiver = await startReceiver();
    const connector = await createConnector(t.db, admin, { name: "after-crash", kind: "webhook", url: receiver.url });
    try {
      // One delivery sent and recorded; then a sender claims three more and dies before sending.
      await containAgent(t.db, admin, (await createAgent(t.db)).id, { reason: "delivered before the crash" });
      expect(await runOutbox(t.db)).toMatchObject({ delivered: 1 });
      for (let i = 0; i < 3; i++) await containAgent(t.db, admin, (await createAgent(t.db)).id, { reason: `claimed ${i}` });
      const crashed = await claimDeliveries(t.db, 20);
      expect(crashed).toHaveLength(3);
      const crashedAt = Date.now();

      // Another worker picks them up once the short lease has run out.
      let resumedAfter = 0;
      while (receiver.received.length < 4) {
        await runOutbox(t.db);
        resumedAfter = Date.now() - crashedAt;
        if (resumedAfter > LEASE_MS + 3_000) break;
        await sleep(200);
      }
      expect(resumedAfter).toBeLessThan(LEASE_MS + 2_000);
      await sleep(LEASE_MS + 500);
      await runOutbox(t.db);
      const ids = idsOf(receiver.received);
      expect(ids).toHaveLength(4);
      expect(new Set(ids).size).toBe(4);
      const rows = await t.db.select().from(deliveries).where(eq(deliveries.connectorId, connector.id));
      expect(rows.map((row) => row.status)).toEqual(["delivered", "delivered", "delivered", "delivered"]);
      // The crashed claim counted as an attempt; the retry kept the delivery's id (webhook-id).
      expect(new Set(rows.map((row) => row.id))).toEqual(new Set(ids));
    } finally {
      await disableConnector(t.db, admin, connector.id);
      await receiver.close();
    }
  }, 30_000);
});
