// What the conventions agents' frameworks emit say about a span: OpenTelemetry GenAI
// (gen_ai.operation.name, gen_ai.agent.*, gen_ai.tool.name), MCP (mcp.method.name),
// the Vercel AI SDK's built-in telemetry (ai.operationId: ai.toolCall, ai.generateText,
// ai.streamText and their do* steps) and OpenInference (openinference.span.kind, used by
// the LangChain, LlamaIndex, CrewAI and OpenAI Agents SDK instrumentations). Attributes
// under `tourniquet.` win over all of them.
import { createHash } from "node:crypto";
import { type ActionKind, actionKinds } from "../vocabulary";

type Attributes = Record<string, unknown>;

export const text = (value: unknown): string | undefined => (typeof value === "string" && value.trim() ? value.trim() : undefined);

const GENAI_KINDS: Record<string, ActionKind> = {
  execute_tool: "tool_call",
  invoke_agent: "agent_invocation",
  chat: "model_call",
  text_completion: "model_call",
  generate_content: "model_call",
  embeddings: "model_call",
  create_agent: "model_call",
  retrieval: "data_read",
};

const OPENINFERENCE_KINDS: Record<string, ActionKind> = {
  AGENT: "agent_invocation",
  TOOL: "tool_call",
  LLM: "model_call",
  EMBEDDING: "model_call",
  RETRIEVER: "data_read",
  RERANKER: "data_read",
};

/** The AI SDK's operation: ai.operationId, else the span's own name (ai.generateText.doGenerate…). */
function aiSdkOperation(attributes: Attributes, spanName: string | undefined): string | undefined {
  const operation = text(attributes["ai.operationId"]) ?? spanName;
  return operation?.startsWith("ai.") ? operation : undefined;
}

function aiSdkKind(operation: string): ActionKind | undefined {
  if (operation === "ai.toolCall") return "tool_call";
  // The do* spans are the provider calls; the outer span is one run of steps and tools.
  if (/^ai\.(generateText|streamText|generateObject|streamObject)\.do(Generate|Stream)$/.test(operation)) return "model_call";
  if (/^ai\.(embed|embedMany)(\.doEmbed)?$/.test(operation)) return "model_call";
  if (/^ai\.(generateText|streamText|generateObject|streamObject)$/.test(operation)) return "agent_invocation";
  return undefined;
}

export function kindOf(attributes: Attributes, spanName: string | undefined): ActionKind {
  const declared = attributes["tourniquet.action.kind"];
  if (actionKinds.includes(declared as ActionKind)) return declared as ActionKind;
  const method = text(attributes["mcp.method.name"]);
  if (method === "tools/call") return "tool_call";
  if (method === "resources/read") return "data_read";
  const operation = text(attributes["gen_ai.operation.name"]);
  if (operation && GENAI_KINDS[operation]) return GENAI_KINDS[operation];
  const aiSdk = aiSdkOperation(attributes, spanName);
  const fromAiSdk = aiSdk ? aiSdkKind(aiSdk) : undefined;
  if (fromAiSdk) return fromAiSdk;
  const openInference = text(attributes["openinference.span.kind"])?.toUpperCase();
  if (openInference && OPENINFERENCE_KINDS[openInference]) return OPENINFERENCE_KINDS[openInference];
  return "other";
}

export function toolOf(attributes: Attributes): string | undefined {
  return (
    text(attributes["gen_ai.tool.name"]) ??
    (text(attributes["mcp.method.name"]) === "tools/call" ? text(attributes["mcp.tool.name"]) : undefined) ??
    text(attributes["ai.toolCall.name"]) ??
    text(attributes["tool.name"])
  );
}

/** The agent a span names itself: an id (matched against agents' ids and externalIds) and a name. */
export function ownAgent(attributes: Attributes): { id?: string; name?: string } | undefined {
  const id = text(attributes["gen_ai.agent.id"]);
  const name = text(attributes["gen_ai.agent.name"]) ?? text(attributes["agent.name"]);
  return id || name ? { id, name } : undefined;
}

export const endUserOf = (attributes: Attributes) => text(attributes["enduser.id"]) ?? text(attributes["user.id"]);
export const sessionOf = (attributes: Attributes) => text(attributes["session.id"]) ?? text(attributes["gen_ai.conversation.id"]);

// Prompts, completions, messages, tool arguments and results, retrieved documents.
const CONTENT = new RegExp(
  [
    String.raw`^gen_ai\.(input|output)\.messages$`,
    String.raw`^gen_ai\.system_instructions$`,
    String.raw`^gen_ai\.(prompt|completion)(\.|$)`,
    String.raw`^gen_ai\.tool\.call\.(arguments|result)$`,
    String.raw`^ai\.prompt(\.|$)`,
    String.raw`^ai\.response\.(text|toolCalls|object|reasoning|messages|content)`,
    String.raw`^ai\.toolCall\.(args|result|input|output)$`,
    String.raw`^ai\.(value|values|embedding|embeddings)$`,
    String.raw`^(input|output)\.value$`,
    String.raw`^llm\.(input_messages|output_messages|prompts|prompt_template)(\.|$)`,
    String.raw`^tool_call\.function\.arguments`,
    String.raw`^(retrieval|reranker\.(input|output))\.documents`,
    String.raw`^embedding\.embeddings`,
    String.raw`^message\.content`,
    String.raw`^mcp\.request\.argument`,
  ].join("|"),
);

export const captureModes = ["none", "hash", "full"] as const;
export type CaptureMode = (typeof captureModes)[number];

/** Drops (none), hashes (hash: `sha256:<hex>` of the value as JSON) or keeps (full) content attributes. */
export function applyCapture(attributes: Attributes, mode: CaptureMode): Attributes {
  if (mode === "full") return attributes;
  const result: Attributes = {};
  for (const [key, value] of Object.entries(attributes)) {
    if (!CONTENT.test(key)) result[key] = value;
    else if (mode === "hash") result[key] = `sha256:${createHash("sha256").update(JSON.stringify(value) ?? "").digest("hex")}`;
  }
  return result;
}
