import { describe, expect, it } from "vitest";
import { applyCapture, kindOf, toolOf } from "./span-conventions";

describe("span conventions", () => {
  it("reads the kind each convention states", () => {
    expect(kindOf({ "gen_ai.operation.name": "invoke_agent" }, "invoke_agent x")).toBe("agent_invocation");
    expect(kindOf({ "gen_ai.operation.name": "execute_tool" }, "x")).toBe("tool_call");
    expect(kindOf({ "gen_ai.operation.name": "chat" }, "x")).toBe("model_call");
    expect(kindOf({ "gen_ai.operation.name": "retrieval" }, "x")).toBe("data_read");
    expect(kindOf({ "mcp.method.name": "tools/call" }, "x")).toBe("tool_call");
    expect(kindOf({ "ai.operationId": "ai.toolCall" }, "ai.toolCall")).toBe("tool_call");
    expect(kindOf({}, "ai.generateText.doGenerate")).toBe("model_call");
    expect(kindOf({ "ai.operationId": "ai.streamText" }, "ai.streamText")).toBe("agent_invocation");
    expect(kindOf({ "openinference.span.kind": "TOOL" }, "x")).toBe("tool_call");
    expect(kindOf({ "openinference.span.kind": "RETRIEVER" }, "x")).toBe("data_read");
    expect(kindOf({ "openinference.span.kind": "CHAIN" }, "x")).toBe("other");
    expect(kindOf({ "tourniquet.action.kind": "data_write", "gen_ai.operation.name": "execute_tool" }, "x")).toBe("data_write");
  });

  it("names the tool from GenAI, MCP, the AI SDK or OpenInference", () => {
    expect(toolOf({ "ai.toolCall.name": "getWeather" })).toBe("getWeather");
    expect(toolOf({ "tool.name": "web_search" })).toBe("web_search");
    expect(toolOf({ "mcp.method.name": "tools/call", "mcp.tool.name": "deploy" })).toBe("deploy");
  });

  it("drops, hashes or keeps prompts, completions and tool arguments", () => {
    const attributes = { "gen_ai.input.messages": "secret", "ai.prompt.messages": "secret", "input.value": "secret", "ai.toolCall.args": "{}", "gen_ai.tool.name": "t" };
    expect(applyCapture(attributes, "none")).toEqual({ "gen_ai.tool.name": "t" });
    const hashed = applyCapture(attributes, "hash");
    expect(hashed["gen_ai.input.messages"]).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(JSON.stringify(hashed)).not.toContain("secret");
    expect(applyCapture(attributes, "full")).toEqual(attributes);
  });
});
