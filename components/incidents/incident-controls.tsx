"use client";
// What a responder does on the incident page: move it along its lifecycle, contain
// every involved agent at once, write notes and pin evidence.
import { type FormEvent, useEffect, useState } from "react";
import { ReasonDialog } from "@/components/agents/reason-dialog";
import { Button } from "@/components/ui/button";
import { useIncidentMutation } from "@/lib/incidents/queries";
import { type IncidentStatus, allowedTransitions } from "@/lib/incidents/vocabulary";
import { formatDuration } from "@/lib/reports/format-duration";

const verbs: Record<IncidentStatus, string> = { investigating: "Reopen", contained: "Mark contained", resolved: "Resolve", closed: "Close" };

export function StatusButtons({ incidentId, status }: { incidentId: string; status: IncidentStatus }) {
  const change = useIncidentMutation<{ status: IncidentStatus }>(incidentId, "", "PATCH");
  return (
    <div className="flex flex-wrap gap-2">
      {allowedTransitions[status].map((next) => (
        <Button key={next} size="sm" variant="secondary" disabled={change.isPending} onClick={() => change.mutate({ status: next })}>
          {verbs[next]}
        </Button>
      ))}
      {change.error ? <span role="alert" className="text-sm text-danger">{change.error.message}</span> : null}
    </div>
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
      aria-label={pinned ? "Unpin evidence" : "Pin as key evidence"}
    >
      {pinned ? "★ pinned" : "☆ pin"}
    </button>
  );
}
