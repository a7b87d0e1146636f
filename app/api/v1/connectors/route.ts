import { NextResponse } from "next/server";
import { authorize } from "@/lib/auth/authorize";
import { createConnectorInput } from "@/lib/connectors/connector-fields";
import { createConnector } from "@/lib/connectors/create-connector";
import { listConnectors } from "@/lib/connectors/list-connectors";
import { apiRoute } from "@/lib/http/api-route";
import { readJson } from "@/lib/http/read-json";

export const GET = apiRoute(async ({ db, caller }) => {
  authorize(caller, "keys:manage");
  return NextResponse.json({ connectors: await listConnectors(db, caller) });
});

export const POST = apiRoute(async ({ db, caller, request }) => {
  authorize(caller, "keys:manage");
  const created = await createConnector(db, caller, await readJson(request, createConnectorInput));
  return NextResponse.json(created, { status: 201, headers: { "cache-control": "no-store" } });
});
