"use client";
import { type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { TextField } from "@/components/ui/field";
import { SecretReveal } from "@/components/ui/secret-reveal";
import { ApiClientError } from "@/lib/http/api-client";
import type { PublicResourceServer } from "@/lib/keys/public-keys";
import { useCreateResourceServerMutation, useResourceServersQuery, useRevokeResourceServerMutation } from "@/lib/keys/queries";
import { KeyList } from "./api-keys-panel";

export function ResourceServersPanel({ initial }: { initial: PublicResourceServer[] }) {
  const servers = useResourceServersQuery(initial);
  const create = useCreateResourceServerMutation();
  const revoke = useRevokeResourceServerMutation();
  const error = create.error instanceof ApiClientError ? create.error : null;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    create.mutate({ name: String(new FormData(event.currentTarget).get("name") ?? "") });
    event.currentTarget.reset();
  }

  return (
    <Card className="p-5">
      <h2 className="mb-1 text-base font-semibold">Resource servers</h2>
      <p className="mb-4 text-sm text-muted">
        Systems that check agent tokens at <code className="font-mono">POST /api/oauth/introspect</code> (RFC 7662) and revoke
        them at <code className="font-mono">/api/oauth/revoke</code> (RFC 7009), with HTTP Basic client credentials.
      </p>
      <form onSubmit={submit} noValidate className="mb-4 flex flex-wrap items-end gap-3" aria-label="Register a resource server">
        <TextField label="Name" name="name" required className="min-w-56 flex-1" error={error?.fieldError("name")} />
        <Button type="submit" disabled={create.isPending}>
          Register
        </Button>
      </form>
      {create.data ? (
        <div className="mb-4 flex flex-col gap-2">
          <p className="text-sm">
            Client id: <code className="select-all font-mono text-xs">{create.data.clientId}</code>
          </p>
          <SecretReveal label="Client secret" secret={create.data.clientSecret} />
        </div>
      ) : null}
      <KeyList
        rows={(servers.data ?? []).map((server) => ({ id: server.id, name: server.name, detail: server.clientId, lastUsedAt: server.lastUsedAt, revokedAt: server.revokedAt }))}
        onRevoke={(row) =>
          window.confirm(`Revoke "${row.name}"? It can no longer check tokens, so its users may be locked out.`) && revoke.mutate(row.id)
        }
      />
    </Card>
  );
}
