// The live stream through the real server: event ids and Last-Event-ID catch-up, a
// paused client dropped with a reason, and the per-caller connection cap.
import http from "node:http";
import { type APIRequestContext, expect, test } from "@playwright/test";
import { E2E_PORT } from "./fixtures/constants";
import { signIn } from "./fixtures/session";

const base = `http://127.0.0.1:${E2E_PORT}`;

async function setUp(request: APIRequestContext) {
  const tag = `live-${Date.now()}-${Math.random().toString(36).slice(2, 6)}`;
  const agent = await (await request.post("/api/v1/agents", { data: { name: tag, owner: "dana.kim@example.com" } })).json();
  const ingest = await (await request.post("/api/v1/ingest-keys", { data: { name: `${tag}-source` } })).json();
  const viewer = await (await request.post("/api/v1/api-keys", { data: { name: `${tag}-viewer`, role: "viewer" } })).json();
  let counter = 0;
  const send = async (size: number, summary = "live stream e2e") => {
    const actions = Array.from({ length: size }, () => ({ id: `${tag}-${++counter}`, agent: agent.name, occurredAt: new Date().toISOString(), kind: "tool_call", outcome: "allowed", summary }));
    const reply = await request.post("/api/v1/actions", { headers: { authorization: `Bearer ${ingest.key}` }, data: { actions } });
    expect(reply.status()).toBe(200);
    return actions.map((item) => item.id);
  };
  return { agentId: agent.id as string, viewerKey: viewer.key as string, send };
}

interface Event { event: string; id: string | null; data: string }

/** Opens the stream and parses events as they come; `close` ends it. */
function openStream(key: string, lastEventId?: string) {
  const events: Event[] = [];
  const controller = new AbortController();
  const done = (async () => {
    const response = await fetch(`${base}/api/v1/stream`, {
      headers: { authorization: `Bearer ${key}`, ...(lastEventId ? { "last-event-id": lastEventId } : {}) },
      signal: controller.signal,
    });
    if (!response.body) return;
    const decoder = new TextDecoder();
    let buffer = "";
    try {
      const reader = response.body.getReader();
      for (;;) {
        const { value, done: finished } = await reader.read();
        if (finished) break;
        buffer += decoder.decode(value, { stream: true });
        let end: number;
        while ((end = buffer.indexOf("\n\n")) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event: Event = { event: "message", id: null, data: "" };
          for (const line of block.split("\n")) {
            if (line.startsWith("event: ")) event.event = line.slice(7);
            else if (line.startsWith("id: ")) event.id = line.slice(4);
            else if (line.startsWith("data: ")) event.data = line.slice(6);
          }
          if (!block.startsWith(":")) events.push(event);
        }
      }
    } catch {
      // aborted
    }
  })();
  return { events, close: () => controller.abort(), done };
}

const actionIdsOf = (events: Event[], agentId: string) =>
  events.filter((event) => event.event === "actions").flatMap((event) => (JSON.parse(event.data) as { id: string; agent: string }[]).filter((item) => item.agent === agentId).map((item) => item.id));

test("every actions event has an id, and a client reconnecting with Last-Event-ID gets exactly what it missed", async ({ page }) => {
  await signIn(page);
  const { agentId, viewerKey, send } = await setUp(page.request);
  const first = openStream(viewerKey);
  await expect.poll(() => first.events.some((event) => event.event === "ready")).toBe(true);
  const seen = [...(await send(3)), ...(await send(2))];
  await expect.poll(() => actionIdsOf(first.events, agentId).length).toBe(seen.length);
  for (const event of first.events.filter((item) => item.event === "actions")) expect(event.id).toMatch(/^\d+$/);
  const lastId = first.events.filter((event) => event.id).at(-1)?.id ?? undefined;
  first.close();

  const missed = [...(await send(4)), ...(await send(1))];
  const again = openStream(viewerKey, lastId);
  await expect.poll(() => actionIdsOf(again.events, agentId).length).toBe(missed.length);
  await page.waitForTimeout(300);
  expect(actionIdsOf(again.events, agentId).sort()).toEqual([...missed].sort());
  expect(again.events.some((event) => event.event === "reload")).toBe(false);
  again.close();
});

test("a client that stops reading is told it was dropped and disconnected", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page);
  const { viewerKey, send } = await setUp(page.request);
  const received: Buffer[] = [];
  const ended = new Promise<void>((resolve, reject) => {
    const request = http.get(`${base}/api/v1/stream`, { headers: { authorization: `Bearer ${viewerKey}` } }, (response) => {
      response.pause(); // reads nothing while the server has plenty to say
      setTimeout(() => {
        response.on("data", (chunk: Buffer) => received.push(chunk));
        response.on("end", resolve);
        response.resume();
      }, 15_000);
    });
    request.on("error", reject);
  });
  await page.waitForTimeout(500);
  // Well past what the socket buffers and the stream's own 4 MiB hold.
  for (let i = 0; i < 60; i++) await send(200, "x".repeat(1500));
  await ended;
  const text = Buffer.concat(received).toString("utf8");
  expect(text).toContain("event: dropped");
  expect(text).toContain('"reason":"slow_reader"');
});

test("a caller may hold only so many live connections", async ({ page }) => {
  await signIn(page);
  const { viewerKey } = await setUp(page.request);
  const open = Array.from({ length: 20 }, () => openStream(viewerKey));
  await expect.poll(() => open.filter((stream) => stream.events.some((event) => event.event === "ready")).length).toBe(20);
  const refused = await fetch(`${base}/api/v1/stream`, { headers: { authorization: `Bearer ${viewerKey}` } });
  expect(refused.status).toBe(429);
  expect(refused.headers.get("retry-after")).toBeTruthy();
  expect(await refused.json()).toMatchObject({ error: { code: "too_many_connections" } });
  for (const stream of open) stream.close();
  await expect
    .poll(async () => {
      const response = await fetch(`${base}/api/v1/stream?actions=0`, { headers: { authorization: `Bearer ${viewerKey}` } });
      await response.body?.cancel();
      return response.status;
    })
    .toBe(200);
});
