"use client";
// What a responder does on the incident page: move it along its lifecycle, contain
// every involved agent at once, write notes and pin evidence.
import { type FormEvent, useEffect, useState } from "react";
import { ReasonDialog } from "@/components/agents/reason-dialog";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { DialogActions } from "@/components/ui/dialog-actions";
import { useIncidentMutation } from "@/lib/incidents/queries";
import { type IncidentStatus, allowedTransitions } from "@/lib/incidents/vocabulary";
import { formatDuration } from "@/lib/reports/format-duration";
import { ReasonField } from "@/components/ui/reason-field";

const verbs: Record<IncidentStatus, string> = { investigating: "Reopen", contained: "Mark contained", resolved: "Resolve", closed: "Close" };

export function StatusButtons({ incidentId, status, severity }: { incidentId: string; status: IncidentStatus; severity: string }) {
  const change = useIncidentMutation<{ status: IncidentStatus; resolutionSummary?: string }>(incidentId, "", "PATCH");
  const [resolving, setResolving] = useState(false);
  return (
    <div className="flex flex-wrap gap-2">
      {allowedTransitions[status].map((next) => (
        <Button
          key={next}
          size="sm"
          variant="secondary"
          disabled={change.isPending}
          onClick={() => (next === "resolved" ? setResolving(true) : change.mutate({ status: next }))}
        >
          {verbs[next]}
        </Button>
      ))}
      {change.error && !resolving ? <span role="alert" className="text-sm text-danger">{change.error.message}</span> : null}
      <ResolveDialog
        key={resolving ? "open" : "closed"}
        open={resolving}
        severity={severity}
        pending={change.isPending}
        error={change.error?.message}
        onCancel={() => setResolving(false)}
        onConfirm={(resolutionSummary) => change.mutate({ status: "resolved", resolutionSummary }, { onSuccess: () => setResolving(false) })}
      />
    </div>
  );
}

/** Resolving asks what resolved it; a SEV1 or SEV2 also needs an explicit confirmation. */
function ResolveDialog(props: { open: boolean; severity: string; pending: boolean; error?: string; onCancel: () => void; onConfirm: (summary: string) => void }) {
  const { open, severity, pending, error, onCancel, onConfirm } = props;
  const [summary, setSummary] = useState("");
  const [confirmed, setConfirmed] = useState(false);
  const major = severity === "SEV1" || severity === "SEV2";
  const ready = summary.trim().length >= 3 && (!major || confirmed);
  function submit(event: FormEvent) {
    event.preventDefault();
    if (ready) onConfirm(summary.trim());
  }
  return (
    <Dialog open={open} onClose={onCancel} title="Resolve the incident">
      <form onSubmit={submit} className="flex flex-col gap-3">
        <p className="text-sm text-muted">Its alerts are resolved with it. The summary goes into the report&apos;s executive summary.</p>
        <ReasonField id="resolution-summary" label="Resolution summary" value={summary} onChange={setSummary} />
        {major ? (
          <label className="flex items-start gap-2 text-sm">
            <input type="checkbox" checked={confirmed} onChange={(event) => setConfirmed(event.target.checked)} className="mt-1" />
            This is a {severity}: I confirm the exposure has ended and nothing the agents held is still live.
          </label>
        ) : null}
        {error ? (
          <p role="alert" className="text-sm text-danger">
            {error}
          </p>
        ) : null}
        <DialogActions onCancel={onCancel} submitLabel="Resolve" pending={pending} disabled={!ready} />
      </form>
    </Dialog>
  );
}

export function ContainAllButton({ incidentId, count }: { incidentId: string; count: number }) {
  const contain = useIncidentMutation<{ reason: string }>(incidentId, "/contain");
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="danger" size="sm" onClick={() => setOpen(true)}>
        Contain all {count} {count === 1 ? "agent" : "agents"}
      </Button>
      <ReasonDialog
        key={open ? "open" : "closed"}
        open={open}
        title="Contain every involved agent"
        consequence="Each agent is suspended, loses every token, and every connected system is told. The incident moves to contained."
        confirmLabel="Contain all"
        pending={contain.isPending}
        error={contain.error?.message}
        onCancel={() => setOpen(false)}
        onConfirm={(reason) => contain.mutate({ reason }, { onSuccess: () => setOpen(false) })}
      />
    </>
  );
}

/** A clock that keeps running while the incident is open. */
export function RunningClock({ since, until, label }: { since: string; until: string | null; label: string }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (until) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [until]);
  const end = until ? new Date(until).getTime() : now;
  return (
    <div className="rounded-lg border border-border bg-surface p-3">
      <p className="text-xs text-muted">{label}</p>
      <p className={`font-mono text-lg ${until ? "" : "text-danger"}`}>{formatDuration(Math.max(0, Math.round((end - new Date(since).getTime()) / 1000)))}</p>
    </div>
  );
}

export function NoteForm({ incidentId }: { incidentId: string }) {
  const add = useIncidentMutation<{ body: string; pinned: boolean }>(incidentId, "/notes");
  const [body, setBody] = useState("");
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const pinned = new FormData(event.currentTarget).get("pinned") === "on";
    if (body.trim()) add.mutate({ body: body.trim(), pinned }, { onSuccess: () => setBody("") });
  }
  return (
    <form onSubmit={submit} className="flex flex-col gap-2" aria-label="Add a note">
      <label htmlFor="note-body" className="text-sm font-medium">
        Note
      </label>
      <textarea id="note-body" rows={2} value={body} onChange={(event) => setBody(event.target.value)} className="rounded-md border border-border bg-surface px-3 py-2 text-sm" />
      <div className="flex items-center justify-between">
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="pinned" /> Key evidence
        </label>
        <Button type="submit" size="sm" disabled={add.isPending || !body.trim()}>
          Add note
        </Button>
      </div>
    </form>
  );
}

export function PinButton({ incidentId, target, pinned }: { incidentId: string; target: { actionSeq: number } | { eventId: string }; pinned: boolean }) {
  const pin = useIncidentMutation<{ actionSeq?: number; eventId?: string; pinned: boolean }>(incidentId, "/pins");
  return (
    <button
      type="button"
      onClick={() => pin.mutate({ ...target, pinned: !pinned })}
      disabled={pin.isPending}
      className={`rounded px-1.5 py-0.5 text-xs ${pinned ? "bg-warn-bg text-warn" : "text-muted hover:bg-surface-2"}`}
      aria-pressed={pinned}
      title={pinned ? "Key evidence in the report; press to unpin" : "Pin as key evidence for the report"}
    >
      {/* The name is the visible word (WCAG 2.5.3); aria-pressed says whether it is on. */}
      <span aria-hidden>{pinned ? "★ " : "☆ "}</span>
      Pin
    </button>
  );
}
