"use client";
import { type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { SelectField, TextField } from "@/components/ui/field";
import { SecretReveal } from "@/components/ui/secret-reveal";
import type { PublicConnector } from "@/lib/connectors/public-connector";
import { useConnectorsQuery, useCreateConnectorMutation, useDisableConnectorMutation } from "@/lib/connectors/queries";
import { ApiClientError } from "@/lib/http/api-client";

export function ConnectorsPanel({ initial }: { initial: PublicConnector[] }) {
  const connectors = useConnectorsQuery(initial);
  const create = useCreateConnectorMutation();
  const disable = useDisableConnectorMutation();
  const error = create.error instanceof ApiClientError ? create.error : null;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    create.mutate({
      name: String(form.get("name") ?? ""),
      kind: String(form.get("kind")) as PublicConnector["kind"],
      url: String(form.get("url") ?? ""),
    });
    event.currentTarget.reset();
  }

  return (
    <Card className="p-5 xl:col-span-2">
      <h2 className="mb-1 text-base font-semibold">Connectors</h2>
      <p className="mb-4 text-sm text-muted">
        Systems told when an agent is contained: signed webhooks (Standard Webhooks) or OpenID CAEP security events (signed with
        the key at <code className="font-mono">/.well-known/jwks.json</code>). Deliveries retry until acknowledged. Revocation
        connectors (PostgreSQL, Redis, OAuth) revoke the credentials agents hold there; their admin connection is stored
        encrypted and shown without its password.
      </p>
      <form onSubmit={submit} noValidate className="mb-4 flex flex-wrap items-end gap-3" aria-label="Add a connector">
        <TextField label="Name" name="name" required className="min-w-40" error={error?.fieldError("name")} />
        <SelectField label="Kind" name="kind" defaultValue="webhook">
          <option value="webhook">webhook</option>
          <option value="caep">CAEP</option>
          <option value="postgres">PostgreSQL (revoke roles)</option>
          <option value="redis">Redis (revoke ACL users)</option>
          <option value="oauth">OAuth server (RFC 7009)</option>
        </SelectField>
        <TextField label="URL or admin connection" name="url" required className="min-w-72 flex-1" placeholder="https://siem.example.com/hooks/tourniquet" error={error?.fieldError("url")} />
        <Button type="submit" disabled={create.isPending}>
          Add connector
        </Button>
      </form>
      {create.data?.secret ? (
        <div className="mb-4">
          <SecretReveal label={`${create.data.kind === "webhook" ? "Signing secret" : "Bearer secret"} for "${create.data.name}"`} secret={create.data.secret} />
        </div>
      ) : null}
      {(connectors.data ?? []).length === 0 ? (
        <p className="text-sm text-muted">None yet: containments are recorded but no other system is told.</p>
      ) : (
        <ul className="divide-y divide-border">
          {(connectors.data ?? []).map((connector) => (
            <li key={connector.id} className={`flex flex-wrap items-center justify-between gap-3 py-2 ${connector.disabledAt ? "text-muted" : ""}`}>
              <div>
                <p className="text-sm font-medium">
                  {connector.name} <span className="text-xs text-muted">{connector.kind}</span>
                </p>
                <p className="font-mono text-xs text-muted">{connector.url}</p>
              </div>
              {connector.disabledAt ? (
                <span className="text-xs">disabled</span>
              ) : (
                <Button
                  size="sm"
                  variant="ghost"
                  onClick={() => window.confirm(`Stop telling ${connector.name}? Undelivered events to it are dropped.`) && disable.mutate(connector.id)}
                >
                  Disable
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
