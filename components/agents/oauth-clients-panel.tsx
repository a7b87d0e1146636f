"use client";
// An agent's OAuth clients: how it gets its own short-lived tokens from the token endpoint.
import { type FormEvent, useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { SecretReveal } from "@/components/ui/secret-reveal";
import { formatAgo, formatUtc } from "@/lib/format-time";
import type { PublicOauthClient } from "@/lib/oauth/public-oauth-client";
import { type NewOauthClient, useCreateOauthClientMutation, useOauthClientsQuery, useRevokeOauthClientMutation } from "@/lib/oauth/queries";
import { ReasonDialog } from "./reason-dialog";

const methods: NewOauthClient["authMethod"][] = ["client_secret_basic", "client_secret_post", "private_key_jwt"];
const field = "h-9 w-full rounded-md border border-border bg-surface px-2 text-sm";

function parseKeys(text: string): NewOauthClient["jwks"] | string {
  try {
    const parsed = JSON.parse(text) as { keys?: unknown };
    return Array.isArray(parsed.keys) ? (parsed as NewOauthClient["jwks"]) : "The key set needs a keys array.";
  } catch {
    return "The key set is not valid JSON.";
  }
}

export function OauthClientsPanel({ agentId, canAct, initialClients }: { agentId: string; canAct: boolean; initialClients: PublicOauthClient[] }) {
  const clients = useOauthClientsQuery(agentId, initialClients);
  const create = useCreateOauthClientMutation(agentId);
  const revoke = useRevokeOauthClientMutation(agentId);
  const [adding, setAdding] = useState(false);
  const [method, setMethod] = useState<NewOauthClient["authMethod"]>("client_secret_basic");
  const [formError, setFormError] = useState<string | null>(null);
  const [revoking, setRevoking] = useState<PublicOauthClient | null>(null);
  const list = clients.data ?? [];

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const redirectUris = String(data.get("redirectUris") ?? "").split(/\s+/).filter(Boolean);
    const input: NewOauthClient = { name: String(data.get("name") ?? "") || undefined, authMethod: method, ...(redirectUris.length ? { redirectUris } : {}) };
    if (method === "private_key_jwt") {
      const keys = String(data.get("keys") ?? "").trim();
      if (/^https?:\/\//.test(keys)) input.jwksUri = keys;
      else {
        const parsed = parseKeys(keys);
        if (typeof parsed === "string") return setFormError(parsed);
        input.jwks = parsed;
      }
    }
    setFormError(null);
    create.mutate(input, { onSuccess: () => setAdding(false), onError: (error) => setFormError(error.message) });
  }

  return (
    <Card className="p-5">
      <div className="mb-3 flex flex-wrap items-center justify-between gap-3">
        <div>
          <h2 className="text-base font-semibold">OAuth clients</h2>
          <p className="text-xs text-muted">The agent gets its own 15-minute tokens at /api/oauth/token; the kill switch ends them all</p>
        </div>
        {canAct && !adding ? (
          <Button size="sm" variant="secondary" onClick={() => setAdding(true)}>
            Add OAuth client
          </Button>
        ) : null}
      </div>
      {create.data?.clientSecret ? (
        <div className="mb-3 flex flex-col gap-2">
          <p className="text-sm">
            Client id <code className="font-mono text-xs">{create.data.clientId}</code>
          </p>
          <SecretReveal label="Client secret" secret={create.data.clientSecret} />
        </div>
      ) : null}
      {adding ? (
        <form aria-label="Add an OAuth client" onSubmit={submit} className="mb-4 grid gap-2 rounded-md border border-border p-3 sm:grid-cols-2">
          <label className="text-sm">
            Name
            <input name="name" className={field} maxLength={120} />
          </label>
          <label className="text-sm">
            Authentication
            <select className={field} value={method} onChange={(event) => setMethod(event.target.value as NewOauthClient["authMethod"])}>
              {methods.map((value) => (
                <option key={value} value={value}>
                  {value}
                </option>
              ))}
            </select>
          </label>
          <label className="text-sm sm:col-span-2">
            Redirect URIs (for people delegating; one per line, optional)
            <textarea name="redirectUris" rows={2} className={`${field} h-auto py-1 font-mono text-xs`} />
          </label>
          {method === "private_key_jwt" ? (
            <label className="text-sm sm:col-span-2">
              Public key set (JWKS JSON) or its https URL
              <textarea name="keys" rows={3} required className={`${field} h-auto py-1 font-mono text-xs`} />
            </label>
          ) : null}
          {formError ? (
            <p role="alert" className="text-sm text-danger sm:col-span-2">
              {formError}
            </p>
          ) : null}
          <div className="flex gap-2 sm:col-span-2">
            <Button size="sm" type="submit" disabled={create.isPending}>
              Create client
            </Button>
            <Button size="sm" variant="ghost" onClick={() => setAdding(false)}>
              Cancel
            </Button>
          </div>
        </form>
      ) : null}
      {list.length === 0 ? (
        <p className="text-sm text-muted">No OAuth clients: the agent cannot get tokens by itself.</p>
      ) : (
        <ul className="flex flex-col divide-y divide-border text-sm">
          {list.map((client) => (
            <li key={client.id} className={`flex flex-wrap items-center justify-between gap-2 py-2 ${client.revokedAt ? "text-muted" : ""}`}>
              <div className="min-w-0">
                <span className="break-all font-mono text-xs">{client.clientId}</span> {client.name ? <span>· {client.name}</span> : null}
                <span className="block text-xs text-muted">
                  {client.authMethod} · added <span title={formatUtc(client.createdAt)}>{formatAgo(client.createdAt)}</span>
                  {client.revokeReason ? ` · revoked: ${client.revokeReason}` : ""}
                </span>
              </div>
              {client.revokedAt ? (
                <Badge tone="danger">revoked</Badge>
              ) : canAct ? (
                <Button size="sm" variant="ghost" onClick={() => setRevoking(client)} aria-label={`Revoke OAuth client ${client.clientId}`}>
                  Revoke
                </Button>
              ) : (
                <Badge tone="ok">active</Badge>
              )}
            </li>
          ))}
        </ul>
      )}
      <ReasonDialog
        open={revoking !== null}
        title="Revoke this OAuth client?"
        consequence="It can get no more tokens; every token and delegation it obtained is revoked now."
        confirmLabel="Revoke client"
        pending={revoke.isPending}
        error={revoke.error?.message}
        onCancel={() => setRevoking(null)}
        onConfirm={(reason) => revoking && revoke.mutate({ clientId: revoking.clientId, reason }, { onSuccess: () => setRevoking(null) })}
      />
    </Card>
  );
}
