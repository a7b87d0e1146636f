// The address a request comes from, as far as it can be trusted. scripts/serve.mjs
// writes the socket's peer into `x-tourniquet-peer`; `X-Forwarded-For` counts only when
// that peer is a trusted proxy, and then the client is the right-most address in it that
// is not itself a trusted proxy (the left part is whatever the client chose to send).
import { env } from "@/lib/env";
import { plainAddress, type TrustedProxies } from "./trusted-proxies";

export const PEER_HEADER = "x-tourniquet-peer";

export function clientAddress(headers: Headers, trusted: TrustedProxies = env().trustedProxies): string | null {
  const peer = headers.get(PEER_HEADER);
  // Without our server in front (a route handler called in a test, a bare `next start`)
  // there is no address we could trust.
  if (!peer) return null;
  let client = plainAddress(peer);
  if (!trusted.trusts(client)) return client.slice(0, 64) || null;
  const hops = (headers.get("x-forwarded-for") ?? "").split(",").map(plainAddress).filter(Boolean);
  while (hops.length) {
    const hop = hops.pop() as string;
    client = hop;
    if (!trusted.trusts(hop)) break;
  }
  return client.slice(0, 64) || null;
}
