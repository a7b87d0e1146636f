// Words of the MCP gateway, as plain values the browser can import too.
import type { ActionKind, Sensitivity } from "@/lib/actions/vocabulary";

export const toolPolicies = ["allow", "approve", "deny"] as const;
export type ToolPolicy = (typeof toolPolicies)[number];

/** How much of a call's arguments and result the timeline keeps. */
export const captureModes = ["none", "hash", "full"] as const;
export type CaptureMode = (typeof captureModes)[number];

export interface ToolSettings {
  policy?: ToolPolicy;
  kind?: ActionKind;
  sensitivity?: Sensitivity;
}

export const DEFAULT_APPROVAL_TIMEOUT_SECONDS = 120;
export const MAX_APPROVAL_TIMEOUT_SECONDS = 3600;
export const DEFAULT_UPSTREAM_TIMEOUT_SECONDS = 30;

/** A registered server's name is its path segment: /mcp/{name}. */
export const SERVER_NAME_PATTERN = /^[a-z0-9][a-z0-9_-]{0,62}$/;
