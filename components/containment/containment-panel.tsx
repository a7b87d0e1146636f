"use client";
// After the switch: when and by whom, whether each connected system acknowledged,
// and what stays usable elsewhere, with a countdown to the last expiry.
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import type { ContainmentStatus } from "@/lib/containment/get-containment-status";
import { useContainmentStatus } from "@/lib/containment/queries";
import { formatAgo, formatUtc } from "@/lib/format-time";
import { Countdown } from "./countdown";

const deliveryTone: Record<string, BadgeTone> = { delivered: "ok", pending: "info", retrying: "warn", failed: "danger", available: "info", held: "warn" };
const shortEvent = (type: string) => type.split("/").at(-1) ?? type;

export function ContainmentPanel({ agentId, initial }: { agentId: string; initial: ContainmentStatus }) {
  const status = useContainmentStatus(agentId, { initialData: initial });
  const data = status.data ?? initial;
  if (!data.current && data.deliveries.length === 0 && data.history.length === 0) return null;
  const leftover = data.leftover;

  return (
    <Card className="p-5">
      <h2 className="mb-3 text-base font-semibold">Containment</h2>
      {data.current ? (
        <div className="mb-4 grid gap-4 md:grid-cols-2">
          <div className="text-sm">
            <p className="text-muted">What is left</p>
            {leftover.results.some((result) => result.result === "revoked") ? (
              <p className="mb-1">
                Revoked in their systems:{" "}
                {leftover.results
                  .filter((result) => result.result === "revoked")
                  .map((result) => `${result.system} ${result.identifier}`)
                  .join(", ")}
              </p>
            ) : null}
            {leftover.credentials.length === 0 ? (
              <p>Nothing: no credential held elsewhere is still usable.</p>
            ) : (
              <>
                <ul className="my-1 list-disc pl-5">
                  {leftover.credentials.map((credential) => {
                    const result = leftover.results.find((item) => item.credentialId === credential.id);
                    return (
                      <li key={credential.id}>
                        {credential.system} <span className="font-mono text-xs">{credential.identifier}</span>{" "}
                        {result?.result === "failed" ? (
                          <>
                            <Badge tone="danger">revocation failed</Badge> <span className="text-xs text-muted">{result.reason}</span>
                          </>
                        ) : result?.result === "pending" ? (
                          <>
                            <Badge tone="info">revoking via {result.connector?.name}</Badge>{" "}
                            {result.reason ? <span className="text-xs text-muted">{result.reason}</span> : null}
                          </>
                        ) : credential.revocableByConnector ? (
                          <Badge tone="info">connector asked</Badge>
                        ) : (
                          <Badge tone="warn">revoke by hand</Badge>
                        )}
                      </li>
                    );
                  })}
                </ul>
                <p className="font-medium text-warn">
                  {leftover.neverExpires ? (
                    "One of them never expires: revoke it at its source."
                  ) : leftover.usableUntil ? (
                    <>
                      Usable until {formatUtc(leftover.usableUntil)} — <Countdown until={leftover.usableUntil} />
                    </>
                  ) : null}
                </p>
              </>
            )}
          </div>
          <div className="text-sm">
            <p className="text-muted">Systems told</p>
            {data.deliveries.length === 0 ? <p>No connector is configured.</p> : null}
            <ul className="divide-y divide-border">
              {data.deliveries.map((delivery) => (
                <li key={delivery.id} className="flex flex-wrap items-center justify-between gap-2 py-1.5">
                  <span>
                    {delivery.connector} <span className="text-xs text-muted">{shortEvent(delivery.eventType)}</span>
                  </span>
                  <span className="flex items-center gap-2 text-xs text-muted">
                    {delivery.status === "retrying" ? `${delivery.lastError ?? ""} · next ${formatAgo(delivery.nextAttemptAt)}` : null}
                    {delivery.status === "failed" ? delivery.lastError : null}
                    {delivery.errorCode ? <code className="font-mono">{delivery.errorCode}</code> : null}
                    {delivery.status === "delivered" && delivery.deliveredAt ? `acknowledged ${formatAgo(delivery.deliveredAt)}` : null}
                    <Badge tone={deliveryTone[delivery.status] ?? "neutral"}>{delivery.status}</Badge>
                  </span>
                </li>
              ))}
            </ul>
          </div>
        </div>
      ) : null}
      {data.history.length ? (
        <details className="text-sm" open={!data.current}>
          <summary className="cursor-pointer text-muted">History ({data.history.length})</summary>
          <ul className="mt-2 space-y-1">
            {data.history.map((containment) => (
              <li key={containment.id}>
                {formatUtc(containment.startedAt)} contained by {containment.containedBy}: {containment.reason} ({containment.tokensRevoked}{" "}
                tokens revoked)
                {containment.releasedAt ? ` · restored ${formatUtc(containment.releasedAt)} by ${containment.releasedBy}: ${containment.releaseReason}` : ""}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </Card>
  );
}
