// Auth.js builds the OIDC redirect URI from the request's URL, which Next rewrites to
// `localhost` for loopback hosts, while the sign-in action builds it from the Host
// header: both legs must send the same one, so the callback sees the browser's origin.
import { NextRequest } from "next/server";
import { handlers } from "@/lib/auth/next-auth";
import { publicOrigin } from "@/lib/http/public-origin";

// A plain Request: a NextRequest would normalise the loopback host back to localhost.
function atOwnOrigin(request: NextRequest): NextRequest {
  const url = new URL(request.url);
  const origin = publicOrigin(request);
  if (!URL.canParse(origin) || url.origin === origin) return request;
  const body = request.method === "GET" || request.method === "HEAD" ? undefined : request.body;
  const moved = new Request(new URL(url.pathname + url.search, origin), { method: request.method, headers: request.headers, body, duplex: "half" } as RequestInit);
  return moved as NextRequest; // Auth.js reads only url, method, headers and body when AUTH_URL is unset
}

export const GET = (request: NextRequest) => handlers.GET(atOwnOrigin(request));
export const POST = (request: NextRequest) => handlers.POST(atOwnOrigin(request));
