// The transmitter's issuer. TOURNIQUET_PUBLIC_URL when set; otherwise the origin the
// receiver used (a stream remembers the issuer it was created under, so its SETs and
// its configuration agree).
import { env } from "@/lib/env";
import { publicOrigin } from "@/lib/http/public-origin";

export function issuerFallback(): string {
  return env().TOURNIQUET_PUBLIC_URL?.replace(/\/$/, "") ?? "urn:tourniquet";
}

export function issuerFor(request: Request): string {
  return env().TOURNIQUET_PUBLIC_URL?.replace(/\/$/, "") ?? publicOrigin(request);
}
