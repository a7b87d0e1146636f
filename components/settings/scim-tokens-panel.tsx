"use client";
import { type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { TextField } from "@/components/ui/field";
import { SecretReveal } from "@/components/ui/secret-reveal";
import { KeyList } from "@/components/settings/api-keys-panel";
import { ApiClientError } from "@/lib/http/api-client";
import type { PublicScimToken } from "@/lib/scim/public-scim-token";
import { useCreateScimTokenMutation, useRevokeScimTokenMutation, useScimTokensQuery } from "@/lib/scim/queries";

export function ScimTokensPanel({ initial }: { initial: PublicScimToken[] }) {
  const tokens = useScimTokensQuery(initial);
  const create = useCreateScimTokenMutation();
  const revoke = useRevokeScimTokenMutation();
  const error = create.error instanceof ApiClientError ? create.error : null;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    create.mutate({ name: String(new FormData(event.currentTarget).get("name") ?? "") });
    event.currentTarget.reset();
  }

  return (
    <Card className="p-5">
      <h2 className="mb-1 text-base font-semibold">SCIM provisioning</h2>
      <p className="mb-4 text-sm text-muted">
        Tokens for your identity provider (Okta, Entra ID), sent as <code className="font-mono">Authorization: Bearer tq_sc_…</code>.
        The provisioning endpoints at <code className="font-mono">/scim/v2</code> are not served yet: until they are, a token
        here lets nothing in.
      </p>
      <form onSubmit={submit} noValidate className="mb-4 flex flex-wrap items-end gap-3" aria-label="Create a SCIM token">
        <TextField label="Name" name="name" required className="min-w-56 flex-1" error={error?.fieldError("name")} />
        <Button type="submit" disabled={create.isPending}>
          Create token
        </Button>
      </form>
      {create.data ? (
        <div className="mb-4">
          <SecretReveal label={`SCIM token "${create.data.name}"`} secret={create.data.token} />
        </div>
      ) : null}
      <KeyList
        rows={(tokens.data ?? []).map((token) => ({ id: token.id, name: token.name, detail: `${token.prefix}…`, lastUsedAt: token.lastUsedAt, revokedAt: token.revokedAt }))}
        onRevoke={(row) => window.confirm(`Revoke the SCIM token "${row.name}"? Provisioning with it stops at once.`) && revoke.mutate(row.id)}
      />
    </Card>
  );
}
