// What an admin sends to register or change an upstream MCP server, checked at the edge
// and again in the verbs.
import { z } from "zod";
import { actionKinds, sensitivities } from "@/lib/actions/vocabulary";
import { MAX_APPROVAL_TIMEOUT_SECONDS, SERVER_NAME_PATTERN, captureModes, toolPolicies } from "./vocabulary";

const HEADER_NAME = /^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,100}$/;
// The gateway sets these itself; an upstream credential never needs them.
const RESERVED_HEADERS = new Set([
  "host", "content-length", "content-type", "accept", "connection", "transfer-encoding", "upgrade", "te", "trailer",
  "keep-alive", "proxy-connection", "mcp-session-id", "mcp-protocol-version", "last-event-id",
]);

const headers = z
  .record(z.string().regex(HEADER_NAME, { message: "A header name is a token (letters, digits, -)." }), z.string().max(8000).regex(/^[^\r\n\0]*$/, { message: "A header value is one line." }))
  .refine((value) => Object.keys(value).length <= 20, { message: "At most 20 headers." })
  .refine((value) => Object.keys(value).every((name) => !RESERVED_HEADERS.has(name.toLowerCase())), { message: "That header is set by the gateway itself." });

const toolSettings = z.strictObject({
  policy: z.enum(toolPolicies, { message: 'policy is "allow", "approve" or "deny".' }).optional(),
  kind: z.enum(actionKinds, { message: `kind is one of ${actionKinds.join(", ")}.` }).optional(),
  sensitivity: z.enum(sensitivities, { message: `sensitivity is one of ${sensitivities.join(", ")}.` }).optional(),
});
const tools = z
  .record(z.string().min(1).max(128), toolSettings)
  .refine((value) => Object.keys(value).length <= 500, { message: "At most 500 tools." });

const upstreamUrl = z
  .string()
  .trim()
  .max(2000)
  .pipe(z.url({ protocol: /^https?$/, message: "url is the upstream's http or https MCP endpoint." }))
  .refine((value) => !new URL(value).username && !new URL(value).password, { message: "Put credentials in headers, not in the url." });

const settings = {
  defaultPolicy: z.enum(toolPolicies, { message: 'defaultPolicy is "allow", "approve" or "deny".' }).optional(),
  tools: tools.optional(),
  capture: z.enum(captureModes, { message: 'capture is "none", "hash" or "full".' }).optional(),
  approvalTimeoutSeconds: z.number().int().min(5).max(MAX_APPROVAL_TIMEOUT_SECONDS).optional(),
  upstreamTimeoutSeconds: z.number().int().min(1).max(300).optional(),
};

export const registerMcpServerInput = z.strictObject({
  name: z.string().trim().regex(SERVER_NAME_PATTERN, { message: "name is lower-case letters, digits, - and _ (it becomes /mcp/{name})." }),
  url: upstreamUrl,
  headers: headers.optional(),
  ...settings,
});
export type RegisterMcpServerInput = z.infer<typeof registerMcpServerInput>;

export const updateMcpServerInput = z
  .strictObject({ url: upstreamUrl.optional(), headers: headers.nullable().optional(), ...settings })
  .refine((value) => Object.keys(value).length > 0, { message: "Send at least one field to change." });
export type UpdateMcpServerInput = z.infer<typeof updateMcpServerInput>;
