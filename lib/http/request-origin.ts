import type { RequestOrigin } from "@/lib/auth/caller";

/** The client address and agent of a request, as far as headers tell, for audit entries. */
export function requestOrigin(headers: Headers | undefined | null): RequestOrigin {
  if (!headers) return {};
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return {
    ip: (forwarded || headers.get("x-real-ip") || null)?.slice(0, 64) ?? null,
    userAgent: headers.get("user-agent")?.slice(0, 512) ?? null,
  };
}
