"use client";
import { useEffect, useRef, useState } from "react";
import { Badge } from "@/components/ui/badge";
import type { UserRole } from "@/lib/auth/roles";
import type { Theme } from "@/lib/theme";
import { ThemeSwitch } from "./theme-switch";

interface Props {
  name: string;
  email: string;
  role: UserRole;
  theme: Theme;
  signOut: () => Promise<void>;
}

const roleTone = { admin: "danger", responder: "info", viewer: "neutral" } as const;

export function UserMenu({ name, email, role, theme, signOut }: Props) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    function onKey(event: KeyboardEvent) {
      if (event.key === "Escape") {
        setOpen(false);
        button.current?.focus();
      }
    }
    function onClick(event: MouseEvent) {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    }
    document.addEventListener("keydown", onKey);
    document.addEventListener("mousedown", onClick);
    return () => {
      document.removeEventListener("keydown", onKey);
      document.removeEventListener("mousedown", onClick);
    };
  }, [open]);

  return (
    <div ref={root} className="relative">
      <button
        ref={button}
        type="button"
        aria-haspopup="true"
        aria-expanded={open}
        aria-controls="user-menu"
        onClick={() => setOpen((value) => !value)}
        className="flex items-center gap-2 rounded-md px-2 py-1.5 text-sm hover:bg-surface-2"
      >
        <span className="flex size-7 items-center justify-center rounded-full bg-surface-2 text-xs font-semibold" aria-hidden>
          {name.slice(0, 1).toUpperCase()}
        </span>
        <span className="hidden sm:inline">{name}</span>
        <Badge tone={roleTone[role]}>{role}</Badge>
      </button>
      {open ? (
        <div
          id="user-menu"
          className="absolute right-0 z-30 mt-2 w-64 rounded-lg border border-border bg-surface p-3 shadow-lg"
        >
          <p className="text-sm font-semibold">{name}</p>
          <p className="truncate text-xs text-muted">{email}</p>
          <p className="mt-1 text-xs text-muted">
            Role: <span className="font-medium text-fg">{role}</span>
          </p>
          <div className="my-3">
            <ThemeSwitch initial={theme} />
          </div>
          <form action={signOut}>
            <button type="submit" className="w-full rounded-md border border-border px-3 py-1.5 text-sm hover:bg-surface-2">
              Sign out
            </button>
          </form>
        </div>
      ) : null}
    </div>
  );
}
