"use client";
// Contain every agent of a team or an owner, or (admins) every agent there is, with
// a reason; break-glass asks for a typed phrase.
import { type FormEvent, useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { DialogActions } from "@/components/ui/dialog-actions";
import { BREAK_GLASS_PHRASE } from "@/lib/containment/break-glass";
import { useBulkContainMutation } from "@/lib/containment/queries";
import { ReasonField } from "@/components/ui/reason-field";

type Scope = { team: string } | { owner: string } | { all: true };

export function BulkContainButton({ scope, count }: { scope: Scope; count?: number }) {
  const bulk = useBulkContainMutation();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const [phrase, setPhrase] = useState("");
  const isAll = "all" in scope;
  const what = "team" in scope ? `team ${scope.team}` : "owner" in scope ? `owner ${scope.owner}` : "the whole company";
  const label = isAll ? "Contain all agents" : `Contain all ${count ?? ""} agents of ${what}`;

  function close() {
    bulk.reset();
    setReason("");
    setPhrase("");
    setOpen(false);
  }
  function submit(event: FormEvent) {
    event.preventDefault();
    bulk.mutate({ ...scope, reason: reason.trim(), ...(isAll ? { confirm: phrase } : {}) });
  }

  return (
    <>
      <Button variant="danger" size="sm" onClick={() => setOpen(true)}>
        {label}
      </Button>
      <Dialog open={open} onClose={close} title={label}>
        {bulk.data ? (
          <div className="flex flex-col gap-3 text-sm">
            <p role="status">
              {bulk.data.contained} contained now, {bulk.data.alreadyContained} already contained.
            </p>
            <div className="flex justify-end">
              <Button onClick={close}>Done</Button>
            </div>
          </div>
        ) : (
          <form onSubmit={submit} className="flex flex-col gap-3">
            <p className="text-sm text-muted">
              Every agent of {what} is suspended and loses its tokens; each connected system is told. Each agent is contained on its own, so
              one problem never leaves the rest running.
            </p>
            <ReasonField id="bulk-reason" label="Reason" value={reason} onChange={setReason} required={false} />
            {isAll ? (
              <>
                <label htmlFor="bulk-phrase" className="text-sm font-medium">
                  Type <code className="font-mono">{BREAK_GLASS_PHRASE}</code> to confirm
                </label>
                <input
                  id="bulk-phrase"
                  value={phrase}
                  onChange={(event) => setPhrase(event.target.value)}
                  className="h-10 rounded-md border border-border bg-surface px-3 font-mono text-sm"
                  autoComplete="off"
                />
              </>
            ) : null}
            {bulk.error ? (
              <p role="alert" className="text-sm text-danger">
                {bulk.error.message}
              </p>
            ) : null}
            <DialogActions
              onCancel={close}
              submitLabel={label}
              pendingLabel="Containing…"
              pending={bulk.isPending}
              disabled={reason.trim().length < 3 || (isAll && phrase !== BREAK_GLASS_PHRASE)}
              variant="danger"
            />
          </form>
        )}
      </Dialog>
    </>
  );
}
