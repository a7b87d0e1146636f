// Agent telemetry the way agents send it, against the production server: the OTLP
// protobuf exporter (the specification's default), the GenAI trace shape (agent named
// on invoke_agent only), the Vercel AI SDK's built-in telemetry and OpenInference spans.
import { type APIRequestContext, expect, test } from "@playwright/test";
import { type Tracer, context, trace } from "@opentelemetry/api";
import { OTLPTraceExporter as JsonExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { OTLPTraceExporter as ProtoExporter } from "@opentelemetry/exporter-trace-otlp-proto";
import { resourceFromAttributes } from "@opentelemetry/resources";
import { BatchSpanProcessor, type SpanExporter, TracerProvider } from "@opentelemetry/sdk-trace";
import { generateText, stepCountIs, tool } from "ai";
import { MockLanguageModelV3 } from "ai/test";
import { z } from "zod";
import { signIn } from "./fixtures/session";

const MARKER = "zebra-marker-7731";

type Action = { kind: string; tool: string | null; agent: string | null; agentName?: string; parentSpanId: string | null; spanId: string; attributes: unknown; onBehalfOf: string | null };

async function ingestKey(request: APIRequestContext, name: string, unknownAgents = "register"): Promise<string> {
  return (await (await request.post("/api/v1/ingest-keys", { data: { name, unknownAgents } })).json()).key;
}

async function registerAgent(request: APIRequestContext, name: string, extra: Record<string, unknown> = {}) {
  const response = await request.post("/api/v1/agents", { data: { name, owner: "otel@example.com", ...extra } });
  expect(response.status()).toBe(201);
  return (await response.json()) as { id: string; name: string };
}

function provider(service: string, exporters: SpanExporter[]) {
  return new TracerProvider({
    resource: resourceFromAttributes({ "service.name": service }),
    spanProcessors: exporters.map((exporter) => new BatchSpanProcessor({ exporter })),
  });
}

const proto = (baseURL: string | undefined, key: string) => new ProtoExporter({ url: `${baseURL}/v1/traces`, headers: { Authorization: `Bearer ${key}` } });

async function actionsOf(request: APIRequestContext, agentId: string, q: string): Promise<Action[]> {
  return (await (await request.get(`/api/v1/actions?agentId=${agentId}&q=${encodeURIComponent(q)}&limit=100`)).json()).actions;
}

/** invoke_agent naming the agent, with chat and execute_tool children that name none. */
function genAiTrace(tracer: Tracer, agentName: string, stamp: string, endChildren = true) {
  const root = tracer.startSpan(`invoke_agent ${agentName} ${stamp}`, {
    attributes: { "gen_ai.operation.name": "invoke_agent", "gen_ai.agent.name": agentName, "enduser.id": "lee@example.com", "gen_ai.input.messages": `[{"role":"user","content":"${MARKER}"}]` },
  });
  const parent = trace.setSpan(context.active(), root);
  const chat = tracer.startSpan(`chat model ${stamp}`, { attributes: { "gen_ai.operation.name": "chat", "gen_ai.output.messages": MARKER } }, parent);
  const toolSpan = tracer.startSpan(`execute_tool lookup_order ${stamp}`, {
    attributes: { "gen_ai.operation.name": "execute_tool", "gen_ai.tool.name": "lookup_order", "gen_ai.tool.call.arguments": `{"q":"${MARKER}"}` },
  }, parent);
  if (endChildren) {
    chat.end();
    toolSpan.end();
  }
  root.end();
  return { children: [chat, toolSpan] };
}

function expectGenAiActions(actions: Action[]) {
  expect(actions.map((action) => action.kind).sort()).toEqual(["agent_invocation", "model_call", "tool_call"]);
  const root = actions.find((action) => action.kind === "agent_invocation");
  for (const child of actions.filter((action) => action !== root)) {
    expect(child.parentSpanId).toBe(root?.spanId);
    expect(child.onBehalfOf).toBe("lee@example.com");
  }
  expect(actions.find((action) => action.kind === "tool_call")?.tool).toBe("lookup_order");
  expect(JSON.stringify(actions)).not.toContain(MARKER);
}

test.beforeEach(async ({ page }) => {
  await signIn(page);
});

test("protobuf and JSON exporters store the same GenAI spans as the same actions of the registered agent", async ({ page, baseURL }) => {
  const stamp = `pb${Date.now()}`;
  const agent = await registerAgent(page.request, `support-bot-${stamp}`);
  const [protoKey, jsonKey] = [await ingestKey(page.request, `proto ${stamp}`), await ingestKey(page.request, `json ${stamp}`)];
  const sdk = provider("web-app", [proto(baseURL, protoKey), new JsonExporter({ url: `${baseURL}/v1/traces`, headers: { Authorization: `Bearer ${jsonKey}` } })]);
  genAiTrace(sdk.getTracer("e2e"), agent.name, stamp);
  await sdk.forceFlush();
  await sdk.shutdown();

  await expect.poll(async () => (await actionsOf(page.request, agent.id, stamp)).length).toBe(6);
  const actions = await actionsOf(page.request, agent.id, stamp);
  const bySpan = new Map<string, Action[]>();
  for (const action of actions) bySpan.set(action.spanId, [...(bySpan.get(action.spanId) ?? []), action]);
  expect(bySpan.size).toBe(3);
  for (const [, pair] of bySpan) {
    const [a, b] = pair.map(({ kind, tool, agent, parentSpanId, onBehalfOf, attributes }) => ({ kind, tool, agent, parentSpanId, onBehalfOf, attributes }));
    expect(a).toEqual(b);
  }
  expectGenAiActions([...bySpan.values()].map((pair) => pair[0] as Action));

  // No shadow agent named after the service, no unknown-agent alert.
  const shadow = (await (await page.request.get("/api/v1/agents?q=web-app")).json()).agents;
  expect(shadow).toEqual([]);
  const alerts = await (await page.request.get("/api/v1/alerts")).json();
  expect(JSON.stringify(alerts)).not.toContain("web-app");
});

test("children exported after their parent still belong to the parent's agent", async ({ page, baseURL }) => {
  const stamp = `late${Date.now()}`;
  const agent = await registerAgent(page.request, `late-bot-${stamp}`);
  const key = await ingestKey(page.request, `late ${stamp}`);
  const sdk = provider("web-app", [proto(baseURL, key)]);
  const { children } = genAiTrace(sdk.getTracer("e2e"), agent.name, stamp, false);
  await sdk.forceFlush();
  await expect.poll(async () => (await actionsOf(page.request, agent.id, stamp)).length).toBe(1);
  for (const child of children) child.end();
  await sdk.forceFlush();
  await sdk.shutdown();
  await expect.poll(async () => (await actionsOf(page.request, agent.id, stamp)).length).toBe(3);
  expectGenAiActions(await actionsOf(page.request, agent.id, stamp));
  expect((await (await page.request.get("/api/v1/agents?q=web-app")).json()).agents).toEqual([]);
});

test("the Vercel AI SDK's telemetry gives a tool_call action with the tool's name", async ({ page, baseURL }) => {
  const stamp = `aisdk${Date.now()}`;
  const agent = await registerAgent(page.request, `ai-sdk-bot-${stamp}`);
  const key = await ingestKey(page.request, `ai sdk ${stamp}`);
  const sdk = provider(agent.name, [proto(baseURL, key)]);
  let step = 0;
  const model = new MockLanguageModelV3({
    doGenerate: async () => {
      step += 1;
      const usage = { inputTokens: { total: 3, noCache: 3, cacheRead: 0, cacheWrite: 0 }, outputTokens: { total: 2, text: 2, reasoning: 0 } };
      if (step === 1) {
        return { content: [{ type: "tool-call", toolCallId: "call-1", toolName: "getWeather", input: JSON.stringify({ city: MARKER }) }], finishReason: { unified: "tool-calls", raw: undefined }, usage, warnings: [] };
      }
      return { content: [{ type: "text", text: `sunny ${MARKER}` }], finishReason: { unified: "stop", raw: undefined }, usage, warnings: [] };
    },
  });
  await generateText({
    model,
    prompt: `weather in ${MARKER}? ${stamp}`,
    tools: { getWeather: tool({ description: "weather", inputSchema: z.object({ city: z.string() }), execute: async ({ city }) => ({ city, sky: "sunny" }) }) },
    stopWhen: stepCountIs(3),
    experimental_telemetry: { isEnabled: true, tracer: sdk.getTracer("ai"), functionId: stamp },
  });
  await sdk.forceFlush();
  await sdk.shutdown();

  await expect.poll(async () => (await actionsOf(page.request, agent.id, "ai.toolCall")).filter((action) => action.kind === "tool_call").length).toBe(1);
  const all = await actionsOf(page.request, agent.id, "ai.");
  expect(all.find((action) => action.kind === "tool_call")?.tool).toBe("getWeather");
  expect(all.some((action) => action.kind === "model_call")).toBe(true);
  expect(JSON.stringify(all)).not.toContain(MARKER);
});

test("an OpenInference-shaped trace gives a tool_call action with the tool's name", async ({ page, baseURL }) => {
  const stamp = `oi${Date.now()}`;
  const agent = await registerAgent(page.request, `oi-bot-${stamp}`);
  const key = await ingestKey(page.request, `oi ${stamp}`);
  const sdk = provider("langchain-app", [proto(baseURL, key)]);
  const tracer = sdk.getTracer("openinference");
  const root = tracer.startSpan(`AgentExecutor ${stamp}`, { attributes: { "openinference.span.kind": "AGENT", "agent.name": agent.name, "input.value": MARKER, "session.id": `s-${stamp}` } });
  const parent = trace.setSpan(context.active(), root);
  const llm = tracer.startSpan(`ChatOpenAI ${stamp}`, { attributes: { "openinference.span.kind": "LLM", "llm.input_messages.0.message.content": MARKER } }, parent);
  llm.end();
  const toolSpan = tracer.startSpan(`search ${stamp}`, { attributes: { "openinference.span.kind": "TOOL", "tool.name": "web_search", "input.value": MARKER, "output.value": MARKER } }, parent);
  toolSpan.end();
  root.end();
  await sdk.forceFlush();
  await sdk.shutdown();

  await expect.poll(async () => (await actionsOf(page.request, agent.id, stamp)).length).toBe(3);
  const actions = await actionsOf(page.request, agent.id, stamp);
  expect(actions.find((action) => action.kind === "tool_call")?.tool).toBe("web_search");
  expect(actions.map((action) => action.kind).sort()).toEqual(["agent_invocation", "model_call", "tool_call"]);
  expect(JSON.stringify(actions)).not.toContain(MARKER);
  expect(JSON.stringify(actions)).toContain(`s-${stamp}`);
});

test("an export nobody can attribute is refused with the reason, and the ingest key says so", async ({ page, baseURL }) => {
  const stamp = `anon${Date.now()}`;
  const key = await ingestKey(page.request, `anon ${stamp}`, "reject");
  const response = await page.request.post(`${baseURL}/v1/traces`, {
    headers: { Authorization: `Bearer ${key}` },
    data: { resourceSpans: [{ resource: { attributes: [{ key: "service.name", value: { stringValue: "unknown_service:node" } }] }, scopeSpans: [{ spans: [{ traceId: "5b8efff798038103d269b633813fc60c", spanId: "eee19b7ec3c1b174", name: stamp, startTimeUnixNano: String(Date.now() * 1e6) }] }] }] },
  });
  expect(response.status()).toBe(200);
  expect((await response.json()).partialSuccess.errorMessage).toMatch(/OTEL_SERVICE_NAME/);
  const keys = (await (await page.request.get("/api/v1/ingest-keys")).json()).ingestKeys;
  const row = keys.find((item: { name: string }) => item.name === `anon ${stamp}`);
  expect(row).toMatchObject({ rejectedCount: 1, lastRejectionReason: expect.stringMatching(/OTEL_SERVICE_NAME/) });
});
