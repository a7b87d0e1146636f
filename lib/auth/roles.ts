// The three roles, as plain values the browser can import too.
export const userRoles = ["viewer", "responder", "admin"] as const;
export type UserRole = (typeof userRoles)[number];
