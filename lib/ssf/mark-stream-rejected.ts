// A receiver refused a SET for good (RFC 8935 err): its stream is paused with the code
// as the reason, so the status endpoint and the console say why, and new events wait
// (held) until the receiver or an admin enables the stream again.
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { type Connector, connectors } from "@/db/schema";
import { recordAuditEntry } from "@/lib/audit/record-audit-entry";
import { systemCaller } from "@/lib/auth/caller";
import type { AttemptResult } from "@/lib/connectors/send-delivery";
import { issuerFallback } from "./issuer";
import { storedStream } from "./stream-config";

export async function markStreamRejected(db: Db, connector: Connector, result: AttemptResult): Promise<void> {
  const reason = `the receiver rejected a SET: ${result.errorCode}${result.errorDescription ? ` (${result.errorDescription})` : ""}`;
  await db.transaction(async (tx) => {
    const [current] = await tx.select().from(connectors).where(eq(connectors.id, connector.id)).for("update");
    if (!current) return;
    const stream = storedStream(current, issuerFallback());
    if (stream.status === "paused" && stream.statusReason === reason) return;
    await tx.update(connectors).set({ stream: { ...stream, status: "paused", statusReason: reason } }).where(eq(connectors.id, connector.id));
    await recordAuditEntry(tx, systemCaller("outbox"), {
      action: "ssf_stream.paused",
      target: { type: "connector", id: connector.id },
      before: { status: stream.status },
      after: { status: "paused", reason, errorCode: result.errorCode ?? null },
    });
  });
}
