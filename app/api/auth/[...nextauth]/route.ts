// Auth.js builds the OIDC redirect URI from the request's URL, which Next rewrites to
// `localhost` for loopback hosts, while the sign-in action builds it from the Host
// header: both legs must send the same one, so the callback sees the browser's origin.
import { NextRequest } from "next/server";
import { handlers } from "@/lib/auth/next-auth";
import { publicOrigin } from "@/lib/http/public-origin";

function atOwnOrigin(request: NextRequest): NextRequest {
  const url = new URL(request.url);
  const origin = publicOrigin(request);
  if (!URL.canParse(origin) || url.origin === origin) return request;
  return new NextRequest(new URL(url.pathname + url.search, origin), request);
}

export const GET = (request: NextRequest) => handlers.GET(atOwnOrigin(request));
export const POST = (request: NextRequest) => handlers.POST(atOwnOrigin(request));
