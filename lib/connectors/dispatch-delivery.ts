// One attempt at a delivery, by connector kind: notices go over HTTP (send-delivery),
// revocations act in the system that holds the credential (lib/revocation). What an
// answer means for the stream (an SSF receiver refusing for good) is recorded here.
import type { Db } from "@/db/client";
import type { Connector, Delivery } from "@/db/schema";
import { revokeHeldCredential } from "@/lib/revocation/revoke-held-credential";
import { markStreamRejected } from "@/lib/ssf/mark-stream-rejected";
import { type AttemptResult, sendDelivery } from "./send-delivery";
import { isRevocationKind } from "./vocabulary";

export async function dispatchDelivery(db: Db, delivery: Delivery, connector: Connector): Promise<AttemptResult> {
  if (isRevocationKind(connector.kind)) return revokeHeldCredential(db, delivery, connector);
  const result = await sendDelivery(db, delivery, connector);
  if (result.permanent && connector.kind === "caep") await markStreamRejected(db, connector, result);
  return result;
}
