// What one revocation attempt in another system came to.
export interface RevocationOutcome {
  ok: boolean;
  error: string | null;
  /** Retrying cannot help (no such role, refused by policy, invalid_client…). */
  permanent?: boolean;
  errorCode?: string | null;
}

export const revoked = (): RevocationOutcome => ({ ok: true, error: null });
export const failed = (error: string, permanent = false, errorCode: string | null = null): RevocationOutcome => ({ ok: false, error, permanent, errorCode });

export function describeFailure(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/[\r\n]+/g, " ").slice(0, 300);
}
