import type { RequestOrigin } from "@/lib/auth/caller";
import { clientAddress } from "./client-address";

/**
 * The client address and agent of a request, for limits and audit entries. The address
 * is the trusted one (lib/http/client-address.ts); the user agent is what the client
 * says it is, kept short.
 */
export function requestOrigin(headers: Headers | undefined | null): RequestOrigin {
  if (!headers) return {};
  return {
    ip: clientAddress(headers),
    userAgent: headers.get("user-agent")?.slice(0, 512) ?? null,
  };
}
