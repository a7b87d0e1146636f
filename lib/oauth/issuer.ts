// The authorization server's issuer (RFC 8414 §2): TOURNIQUET_PUBLIC_URL, never the
// request's Host header, so a client can trust that metadata it fetched names the server
// it meant. Unset, it is http://localhost:PORT, which only clients on this machine match.
import { env } from "@/lib/env";

export function oauthIssuer(): string {
  const configured = env().TOURNIQUET_PUBLIC_URL;
  return configured ? configured.replace(/\/+$/, "") : `http://localhost:${env().PORT}`;
}

export function tokenEndpoint(): string {
  return `${oauthIssuer()}/api/oauth/token`;
}
