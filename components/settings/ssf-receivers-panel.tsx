"use client";
// SSF receivers (IdPs, SIEMs) onboard from /.well-known/ssf-configuration with a
// credential made here, and create their own streams.
import { type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { TextField } from "@/components/ui/field";
import { SecretReveal } from "@/components/ui/secret-reveal";
import { ApiClientError } from "@/lib/http/api-client";
import type { PublicReceiver } from "@/lib/ssf/receivers";
import { useCreateReceiverMutation, useReceiversQuery, useRevokeReceiverMutation } from "@/lib/ssf/queries";
import { KeyList } from "./api-keys-panel";

export function SsfReceiversPanel({ initial }: { initial: PublicReceiver[] }) {
  const receivers = useReceiversQuery(initial);
  const create = useCreateReceiverMutation();
  const revoke = useRevokeReceiverMutation();
  const error = create.error instanceof ApiClientError ? create.error : null;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    create.mutate({ name: String(new FormData(event.currentTarget).get("name") ?? "") });
    event.currentTarget.reset();
  }

  return (
    <Card className="p-5">
      <h2 className="mb-1 text-base font-semibold">Shared Signals receivers</h2>
      <p className="mb-4 text-sm text-muted">
        Receivers onboard from <code className="font-mono">/.well-known/ssf-configuration</code> with this bearer credential and
        manage their own push or poll streams of CAEP events.
      </p>
      <form onSubmit={submit} noValidate className="mb-4 flex flex-wrap items-end gap-3" aria-label="Add an SSF receiver">
        <TextField label="Name" name="name" required className="min-w-48 flex-1" error={error?.fieldError("name")} />
        <Button type="submit" disabled={create.isPending}>
          Create credential
        </Button>
      </form>
      {create.data ? (
        <div className="mb-4">
          <SecretReveal label={`Receiver credential "${create.data.name}"`} secret={create.data.token} />
        </div>
      ) : null}
      <KeyList
        rows={(receivers.data ?? []).map((receiver) => ({
          id: receiver.id,
          name: receiver.name,
          detail: `${receiver.prefix}…`,
          lastUsedAt: receiver.lastUsedAt,
          revokedAt: receiver.revokedAt,
        }))}
        onRevoke={(row) => window.confirm(`Revoke "${row.name}"? Its streams are disabled.`) && revoke.mutate(row.id)}
      />
    </Card>
  );
}
