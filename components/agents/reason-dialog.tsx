"use client";
// Confirmation for a destructive action: it says what will happen and needs a reason.
import { type FormEvent, useState } from "react";
import { DialogActions } from "@/components/ui/dialog-actions";
import { Dialog } from "@/components/ui/dialog";

interface Props {
  open: boolean;
  title: string;
  consequence: string;
  confirmLabel: string;
  pending: boolean;
  error?: string;
  onCancel: () => void;
  onConfirm: (reason: string) => void;
}

export function ReasonDialog({ open, title, consequence, confirmLabel, pending, error, onCancel, onConfirm }: Props) {
  const [reason, setReason] = useState("");
  const tooShort = reason.trim().length < 3;
  function submit(event: FormEvent) {
    event.preventDefault();
    if (!tooShort) onConfirm(reason.trim());
  }
  return (
    <Dialog open={open} onClose={onCancel} title={title}>
      <form onSubmit={submit} className="flex flex-col gap-3">
        <p className="text-sm text-muted">{consequence}</p>
        <label htmlFor="reason" className="text-sm font-medium">
          Reason (kept in the audit log)
        </label>
        <textarea
          id="reason"
          autoFocus
          required
          rows={3}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
          className="rounded-md border border-border bg-surface px-3 py-2 text-sm"
        />
        {error ? (
          <p role="alert" className="text-sm text-danger">
            {error}
          </p>
        ) : null}
        <DialogActions onCancel={onCancel} submitLabel={confirmLabel} pending={pending} disabled={tooShort} variant="danger" />
      </form>
    </Dialog>
  );
}
