import type { Metadata } from "next";
import Link from "next/link";
import { AuditTable } from "@/components/audit/audit-table";
import { VerifyChainButton } from "@/components/audit/verify-chain-button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { listAuditEntries } from "@/lib/audit/list-audit-entries";
import { requirePageCaller } from "@/lib/auth/session";
import { getDb } from "@/lib/db";

export const metadata: Metadata = { title: "Audit" };

type Search = Promise<Record<string, string | string[] | undefined>>;
const text = (value: string | string[] | undefined) => (typeof value === "string" && value ? value : undefined);

export default async function AuditPage({ searchParams }: { searchParams: Search }) {
  const caller = await requirePageCaller("console:read");
  const params = await searchParams;
  const filter = { action: text(params.action), actor: text(params.actor), before: text(params.before) };
  const { entries, nextBefore } = await listAuditEntries(await getDb(), caller, {
    action: filter.action,
    actor: filter.actor,
    before: filter.before && /^\d{1,15}$/.test(filter.before) ? Number(filter.before) : undefined,
  });
  const next = new URLSearchParams({
    ...(filter.action ? { action: filter.action } : {}),
    ...(filter.actor ? { actor: filter.actor } : {}),
    ...(nextBefore ? { before: String(nextBefore) } : {}),
  });

  return (
    <>
      <PageHeader
        title="Audit"
        description="Every change made by a person, a key or a rule, newest first. Entries form a hash chain and cannot be edited or deleted."
        actions={<VerifyChainButton />}
      />
      <form className="mb-4 flex flex-wrap items-end gap-3" role="search">
        <label className="flex flex-col gap-1 text-sm">
          <span className="font-medium">Action starts with</span>
          <input
            name="action"
            defaultValue={filter.action}
            placeholder="auth."
            className="h-9 rounded-md border border-border bg-surface px-3"
          />
        </label>
        <label className="flex flex-col gap-1 text-sm">
          <span className="font-medium">Actor</span>
          <input
            name="actor"
            defaultValue={filter.actor}
            placeholder="email or id"
            className="h-9 rounded-md border border-border bg-surface px-3"
          />
        </label>
        <button type="submit" className="h-9 rounded-md border border-border bg-surface px-4 text-sm hover:bg-surface-2">
          Filter
        </button>
        {filter.action || filter.actor || filter.before ? (
          <Link href="/audit" className="h-9 px-2 text-sm leading-9 text-muted underline">
            Clear
          </Link>
        ) : null}
      </form>
      {entries.length ? (
        <AuditTable entries={entries} />
      ) : (
        <EmptyState title="No audit entries match">Try a shorter action prefix or clear the filter.</EmptyState>
      )}
      {nextBefore ? (
        <div className="mt-4">
          <Link href={`/audit?${next}`} className="text-sm underline">
            Older entries
          </Link>
        </div>
      ) : null}
    </>
  );
}
