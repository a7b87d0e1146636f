"use client";
import { type FormEvent, useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { DialogActions } from "@/components/ui/dialog-actions";
import { SecretReveal } from "@/components/ui/secret-reveal";
import { useIssueTokenMutation } from "@/lib/agents/queries";

const lifetimes = [
  { label: "1 hour", seconds: 3600 },
  { label: "1 day", seconds: 86_400 },
  { label: "7 days", seconds: 604_800 },
  { label: "30 days", seconds: 2_592_000 },
  { label: "90 days", seconds: 7_776_000 },
];

export function IssueTokenDialog({ agentId, agentName, scopes, open, onClose }: {
  agentId: string;
  agentName: string;
  scopes: string[];
  open: boolean;
  onClose: () => void;
}) {
  const issue = useIssueTokenMutation(agentId);
  const [chosen, setChosen] = useState<string[]>(scopes);

  function close() {
    issue.reset();
    setChosen(scopes);
    onClose();
  }
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const lifetime = Number(new FormData(event.currentTarget).get("lifetime"));
    issue.mutate({ scopes: chosen, expiresInSeconds: lifetime });
  }

  return (
    <Dialog open={open} onClose={close} title={`Issue a token to ${agentName}`}>
      {issue.data ? (
        <div className="flex flex-col gap-3">
          <SecretReveal label={`Token ${issue.data.prefix}…`} secret={issue.data.token} />
          <p className="text-xs text-muted">Expires {new Date(issue.data.expiresAt).toUTCString()}. Scopes: {issue.data.scopes.join(" ") || "none"}.</p>
          <div className="flex justify-end">
            <Button onClick={close}>Done</Button>
          </div>
        </div>
      ) : (
        <form onSubmit={submit} className="flex flex-col gap-4">
          <fieldset>
            <legend className="mb-2 text-sm font-medium">Scopes (a subset of the agent&apos;s)</legend>
            <div className="flex flex-wrap gap-2">
              {scopes.map((scope) => (
                <label key={scope} className="flex items-center gap-1.5 rounded border border-border px-2 py-1 font-mono text-xs">
                  <input
                    type="checkbox"
                    checked={chosen.includes(scope)}
                    onChange={(event) =>
                      setChosen(event.target.checked ? [...chosen, scope] : chosen.filter((item) => item !== scope))
                    }
                  />
                  {scope}
                </label>
              ))}
              {scopes.length === 0 ? <p className="text-sm text-muted">The agent declares no scopes.</p> : null}
            </div>
          </fieldset>
          <label className="flex flex-col gap-1.5 text-sm font-medium">
            Expires after
            <select name="lifetime" defaultValue="3600" className="h-10 rounded-md border border-border bg-surface px-3">
              {lifetimes.map((lifetime) => (
                <option key={lifetime.seconds} value={lifetime.seconds}>
                  {lifetime.label}
                </option>
              ))}
            </select>
          </label>
          {issue.error ? (
            <p role="alert" className="text-sm text-danger">
              {issue.error.message}
            </p>
          ) : null}
          <DialogActions onCancel={close} submitLabel="Issue token" pendingLabel="Issuing…" pending={issue.isPending} />
        </form>
      )}
    </Dialog>
  );
}
