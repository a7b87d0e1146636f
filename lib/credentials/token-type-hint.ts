/**
 * Tourniquet issues access tokens only. A hint is advisory (RFC 7009 §2.1), so an
 * absent or "access_token" hint is fine, and "refresh_token" is looked up anyway as
 * the RFC asks; only a hint naming a type we do not know is refused.
 */
export function isKnownTokenTypeHint(hint: string | null): boolean {
  return hint === null || hint === "" || hint === "access_token" || hint === "refresh_token";
}
