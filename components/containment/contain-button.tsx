"use client";
import { useState } from "react";
import { Button, type ButtonProps } from "@/components/ui/button";
import { ContainDialog } from "./contain-dialog";

/** The kill switch for one agent: a button and its confirmation. */
export function ContainButton({
  agent,
  size = "md",
  label = "Contain",
}: {
  agent: { id: string; name: string; liveTokens?: number };
  size?: ButtonProps["size"];
  label?: string;
}) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="danger" size={size} onClick={() => setOpen(true)} aria-label={`Contain ${agent.name}`}>
        {label}
      </Button>
      <ContainDialog agent={agent} open={open} onClose={() => setOpen(false)} />
    </>
  );
}
