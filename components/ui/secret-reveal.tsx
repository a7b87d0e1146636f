"use client";
import { useState } from "react";
import { Button } from "./button";

/** A secret shown once, with a copy button and a plain warning that it will not come back. */
export function SecretReveal({ label, secret }: { label: string; secret: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <div role="status" className="rounded-md border border-warn bg-warn-bg p-3 text-sm text-warn">
      <p className="mb-2 font-medium">{label} — shown once; store it now.</p>
      <div className="flex items-center gap-2">
        <code className="min-w-0 flex-1 select-all break-all rounded bg-surface px-2 py-1 font-mono text-xs text-fg" data-testid="secret">
          {secret}
        </code>
        <Button
          size="sm"
          variant="secondary"
          onClick={() => void navigator.clipboard?.writeText(secret).then(() => setCopied(true))}
        >
          {copied ? "Copied" : "Copy"}
        </Button>
      </div>
    </div>
  );
}
