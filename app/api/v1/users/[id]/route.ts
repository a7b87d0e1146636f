import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/http/api-route";
import { readJson } from "@/lib/http/read-json";
import { authorize } from "@/lib/auth/authorize";
import { updateUser, updateUserInput } from "@/lib/users/update-user";

export const PATCH = apiRoute<{ id: string }>(async ({ db, caller, request, params }) => {
  authorize(caller, "users:manage");
  const input = await readJson(request, updateUserInput);
  return NextResponse.json({ user: await updateUser(db, caller, params.id, input) });
});
