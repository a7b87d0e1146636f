// TanStack Query keys for people, shared by server prefetch and client hooks.
export const userKeys = {
  all: ["users"] as const,
  list: () => [...userKeys.all, "list"] as const,
};
