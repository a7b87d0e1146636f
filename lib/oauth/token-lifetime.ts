// Access tokens from the token endpoint are short-lived: 15 minutes unless the agent
// says otherwise, never past the admin's maximum (TOURNIQUET_OAUTH_MAX_TOKEN_SECONDS).
import { env } from "@/lib/env";

export const DEFAULT_ACCESS_TOKEN_SECONDS = 15 * 60;
export const REFRESH_TOKEN_SECONDS = 30 * 24 * 60 * 60;

export function accessTokenLifetime(agentSetting: number | null): number {
  const maximum = env().TOURNIQUET_OAUTH_MAX_TOKEN_SECONDS;
  return Math.min(agentSetting ?? DEFAULT_ACCESS_TOKEN_SECONDS, maximum);
}
