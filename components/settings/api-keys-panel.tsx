"use client";
import { type FormEvent } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { SelectField, TextField } from "@/components/ui/field";
import { SecretReveal } from "@/components/ui/secret-reveal";
import { userRoles } from "@/lib/auth/roles";
import { formatAgo } from "@/lib/format-time";
import { ApiClientError } from "@/lib/http/api-client";
import type { PublicApiKey } from "@/lib/keys/public-keys";
import { useApiKeysQuery, useCreateApiKeyMutation, useRevokeApiKeyMutation } from "@/lib/keys/queries";

export function ApiKeysPanel({ initial }: { initial: PublicApiKey[] }) {
  const keys = useApiKeysQuery(initial);
  const create = useCreateApiKeyMutation();
  const revoke = useRevokeApiKeyMutation();
  const error = create.error instanceof ApiClientError ? create.error : null;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    create.mutate({ name: String(form.get("name") ?? ""), role: String(form.get("role")) as PublicApiKey["role"] });
    event.currentTarget.reset();
  }

  return (
    <Card className="p-5">
      <h2 className="mb-1 text-base font-semibold">API keys</h2>
      <p className="mb-4 text-sm text-muted">
        For automation (SOAR playbooks, scripts): send <code className="font-mono">Authorization: Bearer tq_ak_…</code>. A key
        acts with the role you give it.
      </p>
      <form onSubmit={submit} noValidate className="mb-4 flex flex-wrap items-end gap-3" aria-label="Create an API key">
        <TextField label="Name" name="name" required className="min-w-56 flex-1" error={error?.fieldError("name")} />
        <SelectField label="Role" name="role" defaultValue="responder">
          {userRoles.map((role) => (
            <option key={role} value={role}>
              {role}
            </option>
          ))}
        </SelectField>
        <Button type="submit" disabled={create.isPending}>
          Create key
        </Button>
      </form>
      {create.data ? (
        <div className="mb-4">
          <SecretReveal label={`API key "${create.data.name}"`} secret={create.data.key} />
        </div>
      ) : null}
      <KeyList
        rows={(keys.data ?? []).map((key) => ({ id: key.id, name: key.name, detail: `${key.prefix}… · ${key.role}`, lastUsedAt: key.lastUsedAt, revokedAt: key.revokedAt }))}
        onRevoke={(row) => window.confirm(`Revoke the API key "${row.name}"? Automation using it stops at once.`) && revoke.mutate(row.id)}
      />
    </Card>
  );
}

export interface KeyRow {
  id: string;
  name: string;
  detail: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export function KeyList({ rows, onRevoke }: { rows: KeyRow[]; onRevoke: (row: KeyRow) => void }) {
  if (rows.length === 0) return <p className="text-sm text-muted">None yet.</p>;
  return (
    <ul className="divide-y divide-border">
      {rows.map((row) => (
        <li key={row.id} className={`flex flex-wrap items-center justify-between gap-3 py-2 ${row.revokedAt ? "text-muted" : ""}`}>
          <div>
            <p className="text-sm font-medium">{row.name}</p>
            <p className="font-mono text-xs text-muted">
              {row.detail} · last used {formatAgo(row.lastUsedAt)}
            </p>
          </div>
          {row.revokedAt ? (
            <Badge tone="neutral">revoked</Badge>
          ) : (
            <Button size="sm" variant="ghost" onClick={() => onRevoke(row)} aria-label={`Revoke ${row.name}`}>
              Revoke
            </Button>
          )}
        </li>
      ))}
    </ul>
  );
}
