// Revocation connectors' admin connections: which URL schemes each kind takes, and the
// form shown back (without its password). The full URL is sealed at rest.
import type { RevocationKind } from "@/lib/connectors/vocabulary";

export const connectionSchemes: Record<RevocationKind, string[]> = {
  postgres: ["postgres:", "postgresql:"],
  redis: ["redis:", "rediss:"],
  // The RFC 7009 revocation endpoint, with the connector's client id and secret as user:password.
  oauth: ["https:", "http:"],
};

export function connectionProblem(kind: RevocationKind, raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return "url is not a URL.";
  }
  if (!connectionSchemes[kind].includes(url.protocol)) return `a ${kind} connector's url starts with ${connectionSchemes[kind].join(" or ")}//.`;
  if (kind === "oauth" && (!url.username || !url.password)) return "an oauth connector's url carries its client credentials: https://client_id:client_secret@server/revoke.";
  return null;
}

/** The connection as it may be shown and audited: the password replaced. */
export function redactConnection(raw: string): string {
  const url = new URL(raw);
  if (url.password) url.password = "***";
  return url.toString();
}
