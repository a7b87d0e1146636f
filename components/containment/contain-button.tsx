"use client";
import { useRef, useState } from "react";
import { Button, type ButtonProps } from "@/components/ui/button";
import { keepFocusNear } from "@/components/ui/keep-focus-near";
import { ContainDialog } from "./contain-dialog";

/** The kill switch for one agent: a button and its confirmation. */
export function ContainButton({
  agent,
  size = "md",
  label = "Contain",
  incidentId,
}: {
  agent: { id: string; name: string; liveTokens?: number };
  size?: ButtonProps["size"];
  label?: string;
  incidentId?: string;
}) {
  const [open, setOpen] = useState(false);
  const anchor = useRef<HTMLSpanElement>(null);
  return (
    <span ref={anchor} className="contents">
      {/* The accessible name starts with the visible label (WCAG 2.5.3) and says which agent. */}
      <Button variant="danger" size={size} onClick={() => setOpen(true)} aria-label={`${label} ${agent.name}`}>
        {label}
      </Button>
      <ContainDialog agent={agent} open={open} onClose={() => setOpen(false)} incidentId={incidentId} onContained={() => keepFocusNear(anchor.current)} />
    </span>
  );
}
