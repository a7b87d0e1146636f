import { NextResponse } from "next/server";
import { authorize } from "@/lib/auth/authorize";
import { disableConnector } from "@/lib/connectors/disable-connector";
import { apiRoute } from "@/lib/http/api-route";

export const POST = apiRoute<{ id: string }>(async ({ db, caller, params }) => {
  authorize(caller, "keys:manage");
  await disableConnector(db, caller, params.id);
  return NextResponse.json({ id: params.id, disabled: true });
});
