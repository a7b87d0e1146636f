"use client";
import { type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { SelectField, TextField } from "@/components/ui/field";
import { SecretReveal } from "@/components/ui/secret-reveal";
import { ApiClientError } from "@/lib/http/api-client";
import type { PublicIngestKey } from "@/lib/keys/public-keys";
import { useCreateIngestKeyMutation, useIngestKeysQuery, useRevokeIngestKeyMutation } from "@/lib/keys/queries";
import { KeyList } from "./api-keys-panel";

export function IngestKeysPanel({ initial }: { initial: PublicIngestKey[] }) {
  const keys = useIngestKeysQuery(initial);
  const create = useCreateIngestKeyMutation();
  const revoke = useRevokeIngestKeyMutation();
  const error = create.error instanceof ApiClientError ? create.error : null;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const agents = String(form.get("agents") ?? "").split(",").map((name) => name.trim()).filter(Boolean);
    create.mutate({
      name: String(form.get("name") ?? ""),
      unknownAgents: String(form.get("unknownAgents")) as PublicIngestKey["unknownAgents"],
      ...(agents.length ? { agents } : {}),
    });
    event.currentTarget.reset();
  }

  return (
    <Card className="p-5">
      <h2 className="mb-1 text-base font-semibold">Ingest keys</h2>
      <p className="mb-4 text-sm text-muted">
        For systems that send actions: <code className="font-mono">POST /api/v1/actions</code>, or OpenTelemetry with{" "}
        <code className="font-mono">OTEL_EXPORTER_OTLP_ENDPOINT=&lt;this site&gt;</code> and{" "}
        <code className="font-mono">OTEL_EXPORTER_OTLP_HEADERS=Authorization=Bearer tq_ik_…</code>.
      </p>
      <form onSubmit={submit} noValidate className="mb-4 flex flex-wrap items-end gap-3" aria-label="Create an ingest key">
        <TextField label="Name" name="name" required className="min-w-48 flex-1" error={error?.fieldError("name")} />
        <TextField label="Only for agents (names, comma-separated; empty: any)" name="agents" className="min-w-48 flex-1" error={error?.fieldError("agents")} />
        <SelectField label="Actions of unknown agents" name="unknownAgents" defaultValue="reject">
          <option value="reject">reject them</option>
          <option value="register">register the agent as unregistered</option>
        </SelectField>
        <Button type="submit" disabled={create.isPending}>
          Create key
        </Button>
      </form>
      {create.data ? (
        <div className="mb-4">
          <SecretReveal label={`Ingest key "${create.data.name}"`} secret={create.data.key} />
        </div>
      ) : null}
      <KeyList
        rows={(keys.data ?? []).map((key) => ({
          id: key.id,
          name: key.name,
          detail: ingestKeyDetail(key),
          lastUsedAt: key.lastUsedAt,
          revokedAt: key.revokedAt,
        }))}
        onRevoke={(row) => window.confirm(`Revoke the ingest key "${row.name}"? Its sender's actions are refused from now on.`) && revoke.mutate(row.id)}
      />
    </Card>
  );
}

/** The key's prefix and policy, then what its exports did lately (a silent misconfiguration shows here). */
function ingestKeyDetail(key: PublicIngestKey): string {
  const parts = [`${key.prefix}…`, key.agentIds ? `bound to ${key.agentIds.length} agent${key.agentIds.length === 1 ? "" : "s"}` : `unknown agents: ${key.unknownAgents}`];
  if (key.lastAcceptedAt) parts.push(`last accepted ${new Date(key.lastAcceptedAt).toLocaleString()}`);
  if (key.lastRejectedAt) {
    parts.push(`${key.rejectedCount} rejected, last ${new Date(key.lastRejectedAt).toLocaleString()}: ${key.lastRejectionReason ?? "?"}`);
  }
  return parts.join(" · ");
}
