"use client";
import { type FormEvent } from "react";
import { DialogActions } from "@/components/ui/dialog-actions";
import { Dialog } from "@/components/ui/dialog";
import { TextField } from "@/components/ui/field";
import { useRegisterCredentialMutation } from "@/lib/agents/queries";
import { ApiClientError } from "@/lib/http/api-client";

export function AddCredentialDialog({ agentId, open, onClose }: { agentId: string; open: boolean; onClose: () => void }) {
  const register = useRegisterCredentialMutation(agentId);
  const error = register.error instanceof ApiClientError ? register.error : null;

  function close() {
    register.reset();
    onClose();
  }
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const value = (name: string) => String(form.get(name) ?? "").trim();
    const expires = value("expiresAt");
    register.mutate(
      {
        system: value("system"),
        identifier: value("identifier"),
        scopes: value("scopes").split(/[\s,]+/).filter(Boolean),
        expiresAt: expires ? new Date(`${expires}T23:59:59Z`).toISOString() : null,
        revocableByConnector: form.get("revocable") === "on",
        notes: value("notes"),
        ...(value("connectorId") ? { connectorId: value("connectorId") } : {}),
        ...(value("secret") ? { secret: value("secret") } : {}),
      },
      { onSuccess: close },
    );
  }

  return (
    <Dialog open={open} onClose={close} title="Register a credential held elsewhere">
      <form onSubmit={submit} noValidate className="flex flex-col gap-3">
        <p className="text-sm text-muted">Record what the agent holds in another system. Paste a secret only for an oauth connector, which must send it to its server to revoke it.</p>
        <TextField label="System" name="system" placeholder="github, aws, snowflake…" required error={error?.fieldError("system")} />
        <TextField
          label="Identifier"
          name="identifier"
          placeholder="token name, role ARN, database user"
          required
          error={error?.fieldError("identifier")}
        />
        <TextField label="Scopes" name="scopes" placeholder="repo:read" error={error?.fieldError("scopes")} />
        <TextField label="Expires on (optional)" name="expiresAt" type="date" error={error?.fieldError("expiresAt")} />
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="revocable" /> A connector can revoke it when the agent is contained
        </label>
        <TextField label="Notes" name="notes" />
        <TextField
          label="Revocation connector id (optional)"
          name="connectorId"
          placeholder="a postgres, redis or oauth connector from Settings"
          error={error?.fieldError("connectorId")}
        />
        <TextField label="Token, for an oauth connector only (stored encrypted)" name="secret" type="password" error={error?.fieldError("secret")} />
        {error && !error.details ? (
          <p role="alert" className="text-sm text-danger">
            {error.message}
          </p>
        ) : null}
        <DialogActions onCancel={close} submitLabel="Register credential" pendingLabel="Saving…" pending={register.isPending} />
      </form>
    </Dialog>
  );
}
