import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/http/api-route";
import { readJson } from "@/lib/http/read-json";
import { authorize } from "@/lib/auth/authorize";
import { createUser, createUserInput } from "@/lib/users/create-user";
import { listUsers } from "@/lib/users/list-users";

export const GET = apiRoute(async ({ db, caller }) => {
  authorize(caller, "users:manage");
  return NextResponse.json({ users: await listUsers(db, caller) });
});

export const POST = apiRoute(async ({ db, caller, request }) => {
  authorize(caller, "users:manage"); // before reading the body: strangers learn nothing
  const input = await readJson(request, createUserInput);
  const { user, initialPassword } = await createUser(db, caller, input);
  return NextResponse.json({ user, ...(initialPassword ? { initialPassword } : {}) }, { status: 201, headers: { "cache-control": "no-store" } });
});
