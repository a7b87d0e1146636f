// The authorization endpoint (RFC 6749 §3.1): a signed-in person sees which agent asks to
// act for them, its owner, risk and the scopes asked, and approves or refuses.
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { ConsentForm } from "@/components/oauth/consent-form";
import { Badge } from "@/components/ui/badge";
import { getSessionCaller } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { readAuthorizationRequest } from "@/lib/oauth/read-authorization-request";

export const metadata: Metadata = { title: "Allow an agent to act for you" };
export const dynamic = "force-dynamic";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function queryOf(params: Record<string, string | string[] | undefined>): URLSearchParams {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) for (const one of [value].flat()) if (one !== undefined) query.append(name, one);
  return query;
}

export default async function AuthorizePage({ searchParams }: { searchParams: SearchParams }) {
  const query = queryOf(await searchParams);
  const caller = await getSessionCaller();
  if (!caller) redirect(`/sign-in?callbackUrl=${encodeURIComponent(`/oauth/authorize?${query}`)}`);
  const checked = await readAuthorizationRequest(await getDb(), caller, query);
  if (checked.kind === "redirect") redirect(checked.to);

  return (
    <main className="flex min-h-dvh items-center justify-center px-4 py-8">
      <div className="w-full max-w-md rounded-lg border border-border bg-surface p-6 shadow-sm">
        {checked.kind === "show" ? (
          <>
            <h1 className="mb-2 text-base font-semibold">This authorization request cannot be answered</h1>
            <p role="alert" className="rounded-md bg-danger-bg px-3 py-2 text-sm text-danger">
              {checked.message}
            </p>
          </>
        ) : (
          <>
            <h1 className="mb-1 text-base font-semibold">
              Let <span className="font-mono">{checked.request.agent.name}</span> act on your behalf?
            </h1>
            <p className="mb-4 text-sm text-muted">Signed in as {caller.email}. Its actions will be recorded as done for you.</p>
            <dl className="mb-4 grid grid-cols-[7rem_1fr] gap-y-2 text-sm">
              <dt className="text-muted">Owner</dt>
              <dd>{checked.request.agent.owner}</dd>
              <dt className="text-muted">Risk</dt>
              <dd>
                <Badge tone={checked.request.agent.risk === "high" ? "danger" : checked.request.agent.risk === "medium" ? "warn" : "ok"}>
                  {checked.request.agent.risk}
                </Badge>
                {checked.request.agent.riskReasons.length ? <span className="ml-2 text-muted">{checked.request.agent.riskReasons.join("; ")}</span> : null}
              </dd>
              <dt className="text-muted">Scopes</dt>
              <dd>
                <ul className="flex flex-wrap gap-1">
                  {checked.request.scopes.map((scope) => (
                    <li key={scope}>
                      <Badge tone="info">{scope}</Badge>
                    </li>
                  ))}
                </ul>
              </dd>
              {checked.request.resource ? (
                <>
                  <dt className="text-muted">For</dt>
                  <dd className="break-all font-mono text-xs">{checked.request.resource}</dd>
                </>
              ) : null}
              <dt className="text-muted">Returns to</dt>
              <dd className="break-all font-mono text-xs">{checked.request.redirectUri}</dd>
            </dl>
            <ConsentForm query={query.toString()} />
            <p className="mt-4 text-xs text-muted">
              You can take this back at any time under <a href="/delegations" className="underline">Delegations</a>.
            </p>
          </>
        )}
      </div>
    </main>
  );
}
