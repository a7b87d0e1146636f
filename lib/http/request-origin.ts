import type { RequestOrigin } from "@/lib/auth/caller";

/** The client address and agent of a request, as far as headers tell, for audit entries. */
export function requestOrigin(headers: Headers | undefined | null): RequestOrigin {
  if (!headers) return {};
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  // "::ffff:203.0.113.9" is an IPv4 client on a dual-stack socket: show it as IPv4.
  const ip = (forwarded || headers.get("x-real-ip") || "").replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/, "$1");
  return {
    ip: ip ? ip.slice(0, 64) : null,
    userAgent: headers.get("user-agent")?.slice(0, 512) ?? null,
  };
}
