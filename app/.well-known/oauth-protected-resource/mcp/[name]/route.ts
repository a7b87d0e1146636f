// RFC 9728 protected-resource metadata for a gateway path: MCP clients read it after a
// 401 to find the authorization server that issues agents' tokens.
import { NextResponse } from "next/server";
import { oauthIssuer } from "@/lib/oauth/issuer";
import { gatewayUrlOf } from "@/lib/mcp-gateway/public-mcp-server";
import { SERVER_NAME_PATTERN } from "@/lib/mcp-gateway/vocabulary";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, context: { params: Promise<{ name: string }> }) {
  const { name } = await context.params;
  if (!SERVER_NAME_PATTERN.test(name)) return NextResponse.json({ error: { code: "not_found", message: "Not a gateway path." } }, { status: 404 });
  return NextResponse.json(
    {
      resource: gatewayUrlOf(name),
      authorization_servers: [oauthIssuer()],
      bearer_methods_supported: ["header"],
      resource_name: `Tourniquet MCP gateway: ${name}`,
    },
    { headers: { "cache-control": "public, max-age=60" } },
  );
}
