"use client";
// Confirmation for a destructive action: it says what will happen and needs a reason.
import { type FormEvent, useState } from "react";
import { DialogActions } from "@/components/ui/dialog-actions";
import { Dialog } from "@/components/ui/dialog";
import { ReasonField } from "@/components/ui/reason-field";

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
        <ReasonField id="reason" label="Reason (kept in the audit log)" value={reason} onChange={setReason} />
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
