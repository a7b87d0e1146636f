import Link from "next/link";
import type { ReactNode } from "react";

/** One number on the overview: label, figure, one line of context; a link when it leads somewhere. */
export function KpiCard({ label, value, context, href, alarming = false }: { label: string; value: ReactNode; context: ReactNode; href?: string; alarming?: boolean }) {
  const body = (
    <>
      <span className="block text-xs text-muted">{label}</span>
      <span className={`block text-2xl leading-tight font-semibold tabular-nums ${alarming ? "text-danger" : ""}`}>{value}</span>
      <span className="block text-xs text-muted">{context}</span>
    </>
  );
  const box = "block h-full min-w-0 rounded-lg border border-border bg-surface px-4 py-3";
  return href ? (
    <Link href={href} className={`${box} hover:bg-surface-2`}>
      {body}
    </Link>
  ) : (
    <div className={box}>{body}</div>
  );
}
