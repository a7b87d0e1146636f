// A program instrumented with the official OpenTelemetry JS SDK reports to
// Tourniquet by pointing its OTLP/HTTP exporter at it; its spans become actions of
// the right agent.
import { expect, test } from "@playwright/test";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { resourceFromAttributes } from "@opentelemetry/resources";
import { SimpleSpanProcessor, TracerProvider } from "@opentelemetry/sdk-trace";
import { SpanStatusCode } from "@opentelemetry/api";
import { signIn } from "./fixtures/session";

test("spans from the OpenTelemetry SDK show up as actions of the agent they name", async ({ page, baseURL }) => {
  await signIn(page);
  const key = (await (await page.request.post("/api/v1/ingest-keys", { data: { name: "otel", unknownAgents: "reject" } })).json()).key;
  const agents = await (await page.request.get("/api/v1/agents?q=code-reviewer")).json();
  const agent = agents.agents[0];

  const exporter = new OTLPTraceExporter({ url: `${baseURL}/v1/traces`, headers: { Authorization: `Bearer ${key}` } });
  const provider = new TracerProvider({
    resource: resourceFromAttributes({ "service.name": "code-reviewer" }),
    spanProcessors: [new SimpleSpanProcessor({ exporter })],
  });
  const tracer = provider.getTracer("e2e-agent");
  const stamp = Date.now();
  const root = tracer.startSpan(`invoke_agent code-reviewer ${stamp}`, { attributes: { "gen_ai.operation.name": "invoke_agent", "gen_ai.agent.name": "code-reviewer", "gen_ai.conversation.id": `conv-${stamp}` } });
  const tool = tracer.startSpan(`execute_tool github.create_review_comment ${stamp}`, {
    attributes: {
      "gen_ai.operation.name": "execute_tool",
      "gen_ai.tool.name": "github.create_review_comment",
      "gen_ai.agent.id": agent.id,
      "tourniquet.target.type": "pull_request",
      "tourniquet.target.id": "web#4821",
      "tourniquet.target.sensitivity": "internal",
      "enduser.id": "dana.kim@example.com",
    },
  });
  tool.end();
  const failed = tracer.startSpan(`tools/call deploy ${stamp}`, { attributes: { "mcp.method.name": "tools/call", "gen_ai.tool.name": "deploy" } });
  failed.setStatus({ code: SpanStatusCode.ERROR, message: "permission denied" });
  failed.end();
  root.end();
  await provider.forceFlush();
  await provider.shutdown();

  await expect
    .poll(async () => (await (await page.request.get(`/api/v1/actions?agentId=${agent.id}&q=${stamp}`)).json()).actions.length)
    .toBe(3);
  const { actions } = await (await page.request.get(`/api/v1/actions?agentId=${agent.id}&q=${stamp}`)).json();
  const byTool = Object.fromEntries(actions.map((action: { tool: string | null; kind: string }) => [action.tool ?? action.kind, action]));
  expect(byTool["github.create_review_comment"]).toMatchObject({
    kind: "tool_call",
    agent: agent.id,
    agentName: "code-reviewer",
    outcome: "allowed",
    onBehalfOf: "dana.kim@example.com",
    target: { type: "pull_request", id: "web#4821", sensitivity: "internal" },
  });
  expect(byTool["github.create_review_comment"].traceId).toMatch(/^[0-9a-f]{32}$/);
  expect(byTool.deploy).toMatchObject({ kind: "tool_call", outcome: "error" });
  expect(byTool.agent_invocation).toMatchObject({ kind: "agent_invocation", attributes: expect.objectContaining({ "gen_ai.conversation.id": `conv-${stamp}` }) });
});

test("the OTLP endpoint answers in OTLP's terms", async ({ request }) => {
  const anonymous = await request.post("/v1/traces", { data: { resourceSpans: [] } });
  expect(anonymous.status()).toBe(401);
  const protobuf = await request.post("/api/otel/v1/traces", { headers: { "content-type": "application/x-protobuf" }, data: Buffer.from([0]) });
  expect(protobuf.status()).toBe(401);
  const xml = await request.post("/api/otel/v1/traces", { headers: { "content-type": "application/xml" }, data: "<a/>" });
  expect(xml.status()).toBe(415);
  expect((await xml.json()).message).toMatch(/x-protobuf/);
});
