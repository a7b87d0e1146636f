"use client";
import { useMutation } from "@tanstack/react-query";
import { Button } from "@/components/ui/button";
import type { ChainReport } from "@/lib/audit/verify-audit-chain";
import { apiFetch } from "@/lib/http/api-client";

/** Walks the whole hash chain on the server and says whether it is intact. */
export function VerifyChainButton() {
  const verify = useMutation({ mutationFn: () => apiFetch<ChainReport>("/api/v1/audit/verify") });
  const report = verify.data;
  return (
    <div className="flex flex-wrap items-center gap-3">
      <Button variant="secondary" size="sm" onClick={() => verify.mutate()} disabled={verify.isPending}>
        {verify.isPending ? "Verifying…" : "Verify the chain"}
      </Button>
      <span role="status" className="text-sm">
        {report?.ok ? <span className="text-ok">Intact: {report.checked} entries verified.</span> : null}
        {report && !report.ok ? (
          <span className="text-danger">
            Broken at entry #{report.firstBroken?.id}: {report.firstBroken?.reason}.
          </span>
        ) : null}
        {verify.error ? <span className="text-danger">{verify.error.message}</span> : null}
      </span>
    </div>
  );
}
