// A person signs out: every session they hold ends, not only this browser's cookie
// (a copied cookie stops working too). Audited.
import type { Db } from "@/db/client";
import { recordAuditEntry } from "@/lib/audit/record-audit-entry";
import type { UserCaller } from "./caller";
import { endSessions } from "./end-sessions";

export async function signOutEverywhere(db: Db, caller: UserCaller): Promise<void> {
  await db.transaction(async (tx) => {
    await endSessions(tx, caller.id);
    await recordAuditEntry(tx, caller, { action: "auth.signed_out", target: { type: "user", id: caller.id } });
  });
}
