// The token endpoint's successful answer (RFC 6749 §5.1).
import type { IssuedToken } from "@/lib/credentials/mint-agent-token";

export interface TokenResponse {
  access_token: string;
  token_type: "Bearer";
  expires_in: number;
  scope: string;
  refresh_token?: string;
}

export function tokenResponse(issued: IssuedToken, lifetimeSeconds: number, refreshToken?: string): TokenResponse {
  return {
    access_token: issued.token,
    token_type: "Bearer",
    expires_in: lifetimeSeconds,
    scope: issued.scopes.join(" "),
    ...(refreshToken ? { refresh_token: refreshToken } : {}),
  };
}

/** What a grant's transaction decided: tokens, or a refusal to answer after it commits. */
export type GrantOutcome = { tokens: TokenResponse } | { error: string };
