"use client";
// The reason a destructive action asks for, the same everywhere: a labelled box that has
// focus when the dialog opens and, where the dialog allows it, confirms on Enter
// (Shift+Enter for a new line), so a responder can type and go without the mouse.
import { clsx } from "clsx";
import type { KeyboardEvent } from "react";

interface Props {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** Enter confirms: called with the key event (its default, a new line, is the caller's to prevent). */
  onEnter?: (event: KeyboardEvent<HTMLTextAreaElement>) => void;
  required?: boolean;
  rows?: number;
  /** The dialog's own text size: omitted where it inherits one. */
  small?: boolean;
}

export function ReasonField({ id, label, value, onChange, onEnter, required = true, rows = 3, small = true }: Props) {
  return (
    <>
      <label htmlFor={id} className={clsx("font-medium", small && "text-sm")}>
        {label}
      </label>
      <textarea
        id={id}
        autoFocus
        required={required}
        rows={rows}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        onKeyDown={
          onEnter
            ? (event) => {
                if (event.key === "Enter" && !event.shiftKey) onEnter(event);
              }
            : undefined
        }
        className={clsx("rounded-md border border-border bg-surface px-3 py-2", small && "text-sm")}
      />
    </>
  );
}
