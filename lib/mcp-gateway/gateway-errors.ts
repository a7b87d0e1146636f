// The JSON-RPC errors the gateway answers a tool call with, in the server-defined range
// (-32000 to -32099), so an agent can tell a policy refusal from a broken upstream.
import { McpError } from "@modelcontextprotocol/sdk/types.js";

export const gatewayErrorCodes = {
  /** The upstream did not answer, or not in time. */
  upstreamUnavailable: -32002,
  /** Refused by the tool's policy or by a person's answer. */
  refused: -32003,
  /** The approval request expired unanswered. */
  approvalExpired: -32004,
  /** The agent is contained (or was, while the call waited). */
  agentContained: -32005,
} as const;

export const gatewayError = (code: keyof typeof gatewayErrorCodes, message: string, data?: Record<string, unknown>) =>
  new McpError(gatewayErrorCodes[code], message, data);
