// Cross-site request forgery: a state-changing request that a browser sends with the
// console's session cookie must come from the console's own pages. The check follows
// Go's net/http CrossOriginProtection: Origin when the browser sends it, else
// Sec-Fetch-Site; a request with neither did not come from a browser (curl, SDKs),
// and a page elsewhere cannot make a browser omit both.
import { env } from "@/lib/env";
import { publicOrigin } from "./public-origin";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

function ownOrigins(request: Request): string[] {
  const configured = env().TOURNIQUET_PUBLIC_URL;
  // The Host the browser itself addressed also counts: a foreign page cannot choose it.
  return [publicOrigin(request), ...(configured ? [new URL(configured).origin] : [])];
}

export function isCrossOriginRequest(request: Request): boolean {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return false;
  const origin = request.headers.get("origin");
  if (origin) return !ownOrigins(request).includes(origin);
  const site = request.headers.get("sec-fetch-site");
  if (site) return site !== "same-origin" && site !== "none";
  return false;
}
