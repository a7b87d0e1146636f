// Optimistic check only: pages without a session cookie go to sign-in. Whether the
// session is valid and what the caller may do is decided next to the data, in lib/.
import { type NextRequest, NextResponse } from "next/server";

const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];

export function proxy(request: NextRequest) {
  const hasSession = request.cookies
    .getAll()
    .some((cookie) => SESSION_COOKIES.some((name) => cookie.name === name || cookie.name.startsWith(`${name}.`)));
  if (hasSession) return NextResponse.next();
  const url = new URL("/sign-in", request.url);
  const target = request.nextUrl.pathname + request.nextUrl.search;
  if (target !== "/") url.searchParams.set("callbackUrl", target);
  return NextResponse.redirect(url);
}

export const config = {
  // API routes answer 401 JSON themselves; static files and the sign-in page are public.
  matcher: ["/((?!api/|v1/|_next/|\\.well-known/|sign-in|favicon\\.ico|icon\\.svg|robots\\.txt).*)"],
};
