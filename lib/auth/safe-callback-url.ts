/**
 * Where to go after sign-in: a path on this site only, never another origin. Browsers
 * drop tabs and newlines inside URLs, so "/\t/evil.example" would become the
 * protocol-relative "//evil.example"; any control character or backslash sends the
 * person to "/" instead, and so does anything that does not resolve to this origin.
 */
const BASE = "http://tourniquet.invalid";

export function safeCallbackUrl(value: unknown): string {
  if (typeof value !== "string" || value.length > 2048) return "/";
  if (/[\u0000-\u001f\u007f\\]/.test(value) || !value.startsWith("/") || value.startsWith("//")) return "/";
  try {
    const url = new URL(value, BASE);
    return url.origin === BASE ? `${url.pathname}${url.search}${url.hash}` : "/";
  } catch {
    return "/";
  }
}
