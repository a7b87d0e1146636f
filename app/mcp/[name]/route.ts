// The MCP gateway (lib/mcp-gateway/handle-gateway-request.ts): agents' MCP clients point here.
import type { NextRequest } from "next/server";
import { getDb } from "@/lib/db";
import { stoppingResponse, toErrorResponse } from "@/lib/http/api-route";
import { subscribeToChanges } from "@/lib/live/change-hub";
import { handleGatewayRequest } from "@/lib/mcp-gateway/handle-gateway-request";
import { enterRequest, isStopping } from "@/lib/setup/graceful-stop";

export const dynamic = "force-dynamic";

async function gateway(request: NextRequest, context: { params: Promise<{ name: string }> }): Promise<Response> {
  if (isStopping()) return stoppingResponse();
  const leave = enterRequest();
  try {
    return await handleGatewayRequest(await getDb(), request, (await context.params).name, {
      subscribe: subscribeToChanges,
      track: (work) => {
        const done = enterRequest();
        void work.finally(done);
      },
    });
  } catch (error) {
    return toErrorResponse(error);
  } finally {
    leave();
  }
}

export const GET = gateway;
export const POST = gateway;
export const DELETE = gateway;
