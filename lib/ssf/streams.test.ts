import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/db/testing/test-database";
import { deliveries } from "@/db/schema";
import type { Caller, UserCaller } from "@/lib/auth/caller";
import { createConnector } from "@/lib/connectors/create-connector";
import { openSecret } from "@/lib/connectors/secret-box";
import { SSF_STREAM_UPDATED } from "@/lib/connectors/vocabulary";
import { containAgent } from "@/lib/containment/contain-agent";
import { AppError } from "@/lib/errors";
import { createAgent } from "@/lib/testing/agents";
import { createPerson } from "@/lib/testing/people";
import { createStream } from "./create-stream";
import { changeStream, readStreams } from "./manage-stream";
import { pollStream } from "./poll-stream";
import { createReceiver } from "./receivers";
import { POLL, PUSH } from "./stream-config";
import { updateStreamStatus } from "./stream-status";
import { changeStreamSubject } from "./stream-subjects";

let t: TestDatabase;
let admin: UserCaller;
beforeAll(async () => {
  t = await createTestDatabase();
  admin = await createPerson(t.db, "admin");
});
afterAll(() => t.close());

const ISS = "http://tq.test";
const receiverCaller = async (name: string): Promise<Caller> => {
  const receiver = await createReceiver(t.db, admin, { name });
  return { type: "ssf_receiver", id: receiver.id, name };
};
const statuses = async (streamId: string) =>
  (await t.db.select().from(deliveries).where(eq(deliveries.connectorId, streamId))).map((row) => `${row.eventType.split("/").at(-1)}:${row.status}`).sort();

describe("SSF streams", () => {
  it("a receiver sees only its own streams; a viewer none", async () => {
    const one = await receiverCaller("one");
    const two = await receiverCaller("two");
    const stream = await createStream(t.db, one, { delivery: { method: POLL } }, ISS);
    expect(await readStreams(t.db, two, null, ISS)).toEqual([]);
    await expect(readStreams(t.db, two, stream.stream_id, ISS)).rejects.toMatchObject({ status: 404 });
    await expect(readStreams(t.db, await createPerson(t.db, "viewer"), null, ISS)).rejects.toBeInstanceOf(AppError);
    expect(await readStreams(t.db, one, stream.stream_id, ISS)).toMatchObject({ stream_id: stream.stream_id, delivery: { method: POLL, endpoint_url: `${ISS}/api/ssf/poll/${stream.stream_id}` } });
    await expect(pollStream(t.db, two, stream.stream_id, {})).rejects.toMatchObject({ status: 404 });
  });

  it("removed subjects (an owner's email) get no events until added again", async () => {
    const receiver = await receiverCaller("subjects");
    const stream = await createStream(t.db, receiver, { delivery: { method: POLL } }, ISS);
    await changeStreamSubject(t.db, receiver, { stream_id: stream.stream_id, subject: { format: "email", email: "Skip.Me@example.com" } }, "remove");
    await containAgent(t.db, admin, (await createAgent(t.db, { owner: "skip.me@example.com" })).id, { reason: "excluded" });
    expect(await statuses(stream.stream_id)).toEqual([]);
    await changeStreamSubject(t.db, receiver, { stream_id: stream.stream_id, subject: { format: "email", email: "skip.me@example.com" } }, "add");
    await containAgent(t.db, admin, (await createAgent(t.db, { owner: "skip.me@example.com" })).id, { reason: "included" });
    expect(await statuses(stream.stream_id)).toEqual(["credential-change:available", "session-revoked:available"]);
    const { sets } = await pollStream(t.db, receiver, stream.stream_id, { maxEvents: 1 });
    expect(Object.keys(sets)).toHaveLength(1);
  });

  it("a paused push stream holds events and sends them, with a stream-updated event, once enabled", async () => {
    const stream = await createStream(t.db, admin, { delivery: { method: PUSH, endpoint_url: "http://127.0.0.1:9/events" } }, ISS);
    await updateStreamStatus(t.db, admin, { stream_id: stream.stream_id, status: "paused", reason: "maintenance" });
    await containAgent(t.db, admin, (await createAgent(t.db)).id, { reason: "while paused" });
    expect(await statuses(stream.stream_id)).toEqual(["credential-change:held", "session-revoked:held", "stream-updated:held"]);
    await updateStreamStatus(t.db, admin, { stream_id: stream.stream_id, status: "enabled" });
    expect(await statuses(stream.stream_id)).toEqual(["credential-change:pending", "session-revoked:pending", "stream-updated:pending", "stream-updated:pending"]);
    const updates = await t.db.select().from(deliveries).where(eq(deliveries.eventType, SSF_STREAM_UPDATED));
    expect(updates.map((row) => (row.payload.events as Record<string, { status: string }>)[SSF_STREAM_UPDATED]?.status).sort()).toEqual(["enabled", "paused"]);
  });

  it("a CAEP connector made in Settings reads as a stream and keeps its bearer secret when updated", async () => {
    const connector = await createConnector(t.db, admin, { name: "legacy idp", kind: "caep", url: "http://127.0.0.1:9/caep" });
    const stream = await changeStream(t.db, admin, { stream_id: connector.id, signing_alg: "RS256" }, "update", ISS);
    expect(stream).toMatchObject({ signing_alg: "RS256", delivery: { method: PUSH, endpoint_url: "http://127.0.0.1:9/caep" } });
    const [row] = await t.db.query.connectors.findMany({ where: (table, { eq: equals }) => equals(table.id, connector.id) });
    expect(openSecret(row?.secretCiphertext ?? "")).toBe(`Bearer ${connector.secret}`);
  });
});
