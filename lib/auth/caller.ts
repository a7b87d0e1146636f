// Who is asking. Every lib/ verb takes the caller and decides on its own whether
// the caller may do what it asks; the proxy's cookie check is only a convenience.
import type { UserRole } from "@/db/schema";
import type { UnknownAgentPolicy } from "@/lib/actions/vocabulary";

/** Where a request came from, kept in audit entries. */
export interface RequestOrigin {
  ip?: string | null;
  userAgent?: string | null;
}

export interface UserCaller extends RequestOrigin {
  type: "user";
  id: string;
  email: string;
  name: string;
  role: UserRole;
}

/** Automation (SOAR, scripts) with an API key; it acts with the key's role. */
export interface ApiKeyCaller extends RequestOrigin {
  type: "api_key";
  id: string;
  name: string;
  role: UserRole;
}

/** A system that checks or revokes agent tokens (RFC 7662 / RFC 7009). */
export interface ResourceServerCaller extends RequestOrigin {
  type: "resource_server";
  id: string;
  name: string;
}

/** A system sending actions (ingest API, OTLP). It may only append actions. */
export interface IngestKeyCaller extends RequestOrigin {
  type: "ingest_key";
  id: string;
  name: string;
  unknownAgents: UnknownAgentPolicy;
  /** The agents it may speak for; null or absent for any. */
  agentIds?: string[] | null;
}

/** An agent presenting one of its own tokens. It may speak only for itself. */
export interface AgentCaller extends RequestOrigin {
  type: "agent";
  id: string;
  name: string;
  tokenId: string;
  scopes: string[];
}

/** A detection rule acting on its own (the circuit breaker): recorded as the actor. */
export interface RuleCaller extends RequestOrigin {
  type: "rule";
  /** The rule's stable key, e.g. `unapproved-post`. */
  id: string;
}

/** An SSF receiver managing its own streams through the configuration endpoint. */
export interface SsfReceiverCaller extends RequestOrigin {
  type: "ssf_receiver";
  id: string;
  name: string;
}

/** Tourniquet itself: first start, demo data, migrations. Never reaches a route. */
export interface SystemCaller extends RequestOrigin {
  type: "system";
  label: string;
}

export type Caller = UserCaller | ApiKeyCaller | ResourceServerCaller | IngestKeyCaller | AgentCaller | RuleCaller | SystemCaller | SsfReceiverCaller;

export const systemCaller = (label: string): SystemCaller => ({ type: "system", label });
export const ruleCaller = (key: string): RuleCaller => ({ type: "rule", id: key });

export function callerLabel(caller: Caller): string {
  switch (caller.type) {
    case "user":
      return caller.email;
    case "api_key":
      return `api-key:${caller.name}`;
    case "resource_server":
      return `resource-server:${caller.name}`;
    case "ingest_key":
      return `ingest-key:${caller.name}`;
    case "agent":
      return `agent:${caller.name}`;
    case "rule":
      return `rule:${caller.id}`;
    case "system":
      return `system:${caller.label}`;
    case "ssf_receiver":
      return `ssf-receiver:${caller.name}`;
  }
}

/** The id kept in audit entries' actor_id column. */
export function callerId(caller: Caller): string | null {
  return caller.type === "system" ? null : caller.id;
}
