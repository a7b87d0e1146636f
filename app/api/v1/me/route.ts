import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/http/api-route";
import { unauthorized } from "@/lib/errors";

export const GET = apiRoute(async ({ caller }) => {
  if (caller?.type !== "user") throw unauthorized();
  return NextResponse.json({ id: caller.id, email: caller.email, name: caller.name, role: caller.role });
});
