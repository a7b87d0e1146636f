// Client authentication for the token endpoints (RFC 6749 §2.3.1): HTTP Basic, or
// client_id and client_secret in the form body.
import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { resourceServers } from "@/db/schema";
import { hashSecret, sameHash } from "@/lib/credentials/secret";
import type { RequestOrigin, ResourceServerCaller } from "./caller";
import { cachedResourceServer, rememberResourceServer } from "./resource-server-cache";

export interface ClientCredentials {
  clientId: string;
  clientSecret: string;
}

/** Reads client credentials from the Authorization header, else from the form. */
export function readClientCredentials(authorization: string | null, form: URLSearchParams): ClientCredentials | null {
  if (authorization?.toLowerCase().startsWith("basic ")) {
    const decoded = Buffer.from(authorization.slice(6).trim(), "base64").toString("utf8");
    const colon = decoded.indexOf(":");
    if (colon < 0) return null;
    try {
      // Each part is form-urlencoded before it is joined (RFC 6749 §2.3.1).
      const decode = (part: string) => decodeURIComponent(part.replace(/\+/g, " "));
      return { clientId: decode(decoded.slice(0, colon)), clientSecret: decode(decoded.slice(colon + 1)) };
    } catch {
      return null;
    }
  }
  const clientId = form.get("client_id");
  const clientSecret = form.get("client_secret");
  return clientId && clientSecret ? { clientId, clientSecret } : null;
}

export async function authenticateResourceServer(
  db: Db,
  credentials: ClientCredentials | null,
  origin: RequestOrigin = {},
): Promise<ResourceServerCaller | null> {
  if (!credentials || credentials.clientId.length > 100 || credentials.clientSecret.length > 200) return null;
  const presented = hashSecret(credentials.clientSecret);
  const cached = cachedResourceServer(credentials.clientId);
  if (cached && sameHash(cached.secretHash, presented)) return { type: "resource_server", id: cached.id, name: cached.name, ...origin };
  const [server] = await db
    .select({ id: resourceServers.id, name: resourceServers.name, secretHash: resourceServers.secretHash })
    .from(resourceServers)
    .where(and(eq(resourceServers.clientId, credentials.clientId), isNull(resourceServers.revokedAt)));
  // The hash is made even on a miss, so timing does not reveal which client ids exist.
  if (!server || !sameHash(server.secretHash, presented)) return null;
  rememberResourceServer(credentials.clientId, server);
  return { type: "resource_server", id: server.id, name: server.name, ...origin };
}
