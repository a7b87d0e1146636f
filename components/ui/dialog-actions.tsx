"use client";
import { Button } from "./button";

/** The footer of a form in a dialog: Cancel, and the one action it confirms. */
export function DialogActions({
  onCancel,
  submitLabel,
  pendingLabel = "Working…",
  pending,
  disabled,
  variant = "primary",
}: {
  onCancel: () => void;
  submitLabel: string;
  pendingLabel?: string;
  pending: boolean;
  disabled?: boolean;
  variant?: "primary" | "danger";
}) {
  return (
    <div className="flex justify-end gap-2">
      <Button variant="secondary" onClick={onCancel}>
        Cancel
      </Button>
      <Button type="submit" variant={variant} disabled={pending || disabled}>
        {pending ? pendingLabel : submitLabel}
      </Button>
    </div>
  );
}
