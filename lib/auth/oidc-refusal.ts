// Why a single sign-on was refused: logged with the email, and shown on /sign-in in
// plain words (the code travels in the redirect, never the details).
export const oidcRefusals = {
  email_missing: "Your identity provider did not tell us your email address. Ask your admin to release the email claim to Tourniquet.",
  email_unverified: "Your identity provider has not verified your email address, so Tourniquet cannot tell who you are.",
  domain_not_allowed: "Your email domain is not allowed to sign in to Tourniquet.",
  group_not_allowed: "You are not in a group that is allowed to sign in to Tourniquet. Ask your admin.",
  no_mapped_group: "You are no longer in a group that gives access to Tourniquet. Ask your admin.",
  not_provisioned: "You do not have access to Tourniquet yet. Ask an admin to add you.",
  disabled: "Your Tourniquet account is disabled. Ask an admin.",
  retry: "Sign-in could not finish. Try again.",
} as const;

export type OidcRefusal = keyof typeof oidcRefusals;

export function isOidcRefusal(value: unknown): value is OidcRefusal {
  return typeof value === "string" && Object.hasOwn(oidcRefusals, value);
}

/** Is the email in one of the allowed domains (an empty list allows every domain)? */
export function emailDomainAllowed(email: string, allowedDomains: readonly string[]): boolean {
  if (allowedDomains.length === 0) return true;
  const at = email.lastIndexOf("@");
  if (at < 1) return false;
  const domain = email.slice(at + 1).toLowerCase();
  return allowedDomains.includes(domain);
}
