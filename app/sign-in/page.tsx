import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Button } from "@/components/ui/button";
import { getSessionCaller } from "@/lib/auth/session";
import { safeCallbackUrl } from "@/lib/auth/safe-callback-url";
import { isOidcRefusal, oidcRefusals } from "@/lib/auth/oidc-refusal";
import { env } from "@/lib/env";
import { signInWithOidc } from "./actions";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(params.callbackUrl);
  if (await getSessionCaller()) redirect(callbackUrl);
  const config = env();
  const oidcName = config.AUTH_OIDC_ISSUER ? config.AUTH_OIDC_NAME : null;
  const failed = typeof params.error === "string";
  // Only known reason codes are shown: the query string is the visitor's to write.
  const refusal = isOidcRefusal(params.reason) ? oidcRefusals[params.reason] : null;

  return (
    <main className="flex min-h-dvh items-center justify-center px-4">
      <div className="w-full max-w-sm">
        <div className="mb-8 flex items-center gap-3">
          <svg aria-hidden viewBox="0 0 32 32" className="size-9">
            <rect width="32" height="32" rx="7" fill="#b42318" />
            <path d="M9 11h14v4H9zM14 15h4v10h-4z" fill="#fff" />
          </svg>
          <div>
            <h1 className="text-xl font-semibold tracking-tight">Tourniquet</h1>
            <p className="text-sm text-muted">Incident response for AI agents</p>
          </div>
        </div>
        <div className="rounded-lg border border-border bg-surface p-6 shadow-sm">
          <h2 className="mb-4 text-base font-semibold">Sign in to the console</h2>
          {failed ? (
            <p role="alert" className="mb-4 rounded-md bg-danger-bg px-3 py-2 text-sm text-danger">
              {refusal ?? "Sign-in was refused. Ask an admin to add you, or try again."}
            </p>
          ) : null}
          <SignInForm callbackUrl={callbackUrl} />
          {oidcName ? (
            <form action={signInWithOidc} className="mt-4 border-t border-border pt-4">
              <input type="hidden" name="callbackUrl" value={callbackUrl} />
              <Button type="submit" variant="secondary" className="w-full">
                Continue with {oidcName}
              </Button>
            </form>
          ) : null}
        </div>
      </div>
    </main>
  );
}
