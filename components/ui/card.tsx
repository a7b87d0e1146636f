import { clsx } from "clsx";
import type { HTMLAttributes } from "react";

export function Card({ className, ...props }: HTMLAttributes<HTMLElement>) {
  return <section className={clsx("rounded-lg border border-border bg-surface", className)} {...props} />;
}
