"use client";
import { useState } from "react";
import { ReasonDialog } from "@/components/agents/reason-dialog";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { SecretReveal } from "@/components/ui/secret-reveal";
import { useRestoreMutation } from "@/lib/containment/queries";

/** Admins only: release the agent with a reason; it gets one fresh token, shown once. */
export function RestoreButton({ agent }: { agent: { id: string; name: string } }) {
  const restore = useRestoreMutation(agent.id);
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="secondary" onClick={() => setOpen(true)}>
        Restore
      </Button>
      <ReasonDialog
        key={open ? "open" : "closed"}
        open={open && !restore.data}
        title={`Restore ${agent.name}`}
        consequence="The agent becomes active again with one fresh token. Its revoked tokens stay revoked."
        confirmLabel="Restore agent"
        pending={restore.isPending}
        error={restore.error?.message}
        onCancel={() => {
          restore.reset();
          setOpen(false);
        }}
        onConfirm={(reason) => restore.mutate({ reason })}
      />
      <Dialog
        open={Boolean(restore.data)}
        onClose={() => {
          restore.reset();
          setOpen(false);
          void restore.refresh();
        }}
        title={`${agent.name} is active again`}
      >
        {restore.data ? (
          <div className="flex flex-col gap-3">
            <SecretReveal label={`Fresh token ${restore.data.token.prefix}…`} secret={restore.data.token.token} />
            <p className="text-xs text-muted">Hand it to the agent's owner; close this when it is stored.</p>
          </div>
        ) : null}
      </Dialog>
    </>
  );
}
