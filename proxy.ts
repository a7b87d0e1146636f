// Runs before every page: gives each response a fresh CSP nonce, and sends people
// without a session cookie to sign-in. The cookie check is only a convenience;
// whether the session is valid and what the caller may do is decided in lib/.
import { type NextRequest, NextResponse } from "next/server";
import { contentSecurityPolicy } from "@/lib/http/content-security-policy";

const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const hasSession = request.cookies
    .getAll()
    .some((cookie) => SESSION_COOKIES.some((name) => cookie.name === name || cookie.name.startsWith(`${name}.`)));
  if (!hasSession && !pathname.startsWith("/sign-in")) {
    const url = new URL("/sign-in", request.url);
    if (pathname !== "/") url.searchParams.set("callbackUrl", pathname + search);
    return NextResponse.redirect(url);
  }

  // Next.js reads the nonce from the request's CSP header and puts it on its scripts.
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const policy = contentSecurityPolicy(nonce, process.env.NODE_ENV === "development");
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", policy);
  return response;
}

export const config = {
  // API routes answer 401 JSON themselves and get their headers from next.config.
  matcher: ["/((?!api/|v1/|mcp/|_next/static|_next/image|\\.well-known/|favicon\\.ico|icon\\.svg|robots\\.txt).*)"],
};
