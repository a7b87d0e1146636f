// RFC 8414 metadata, so standard OAuth libraries find the introspection and
// revocation endpoints by discovery.
import { NextResponse } from "next/server";
import { publicOrigin } from "@/lib/http/public-origin";

export const dynamic = "force-dynamic";

export function GET(request: Request) {
  const issuer = publicOrigin(request);
  const methods = ["client_secret_basic", "client_secret_post"];
  return NextResponse.json({
    issuer,
    introspection_endpoint: `${issuer}/api/oauth/introspect`,
    introspection_endpoint_auth_methods_supported: methods,
    revocation_endpoint: `${issuer}/api/oauth/revoke`,
    revocation_endpoint_auth_methods_supported: methods,
    response_types_supported: [],
  });
}
