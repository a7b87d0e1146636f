// Client-side data for people: one key factory, hooks that invalidate through it.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/http/api-client";
import type { CreateUserInput } from "./create-user";
import type { PublicUser } from "./public-user";
import type { UpdateUserInput } from "./update-user";

import { userKeys } from "./query-keys";

export { userKeys };

export function useUsersQuery() {
  return useQuery({
    queryKey: userKeys.list(),
    queryFn: () => apiFetch<{ users: PublicUser[] }>("/api/v1/users").then((reply) => reply.users),
  });
}

export function useCreateUserMutation() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateUserInput) =>
      apiFetch<{ user: PublicUser; initialPassword?: string }>("/api/v1/users", { method: "POST", body: input }),
    onSuccess: () => client.invalidateQueries({ queryKey: userKeys.all }),
  });
}

export function useUpdateUserMutation() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...input }: UpdateUserInput & { id: string }) =>
      apiFetch<{ user: PublicUser }>(`/api/v1/users/${encodeURIComponent(id)}`, { method: "PATCH", body: input }),
    onSuccess: () => client.invalidateQueries({ queryKey: userKeys.all }),
  });
}
