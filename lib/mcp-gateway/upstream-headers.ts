// The upstream's credentials: sealed with the connectors' secret box, opened only to
// inject them into the gateway's requests to that upstream.
import { openSecret, sealSecret } from "@/lib/connectors/secret-box";

export function sealHeaders(headers: Record<string, string> | undefined | null): string | null {
  return headers && Object.keys(headers).length ? sealSecret(JSON.stringify(headers)) : null;
}

export function openHeaders(sealed: string | null): Record<string, string> {
  return sealed ? (JSON.parse(openSecret(sealed)) as Record<string, string>) : {};
}
