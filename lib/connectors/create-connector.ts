// An admin adds a system to tell when an agent is contained, or one to revoke agents'
// credentials in. Webhooks get a Standard Webhooks secret (whsec_…) to verify
// signatures; CAEP receivers get a bearer secret that authenticates Tourniquet's
// pushes; either is shown once. A revocation connector's admin connection is sealed
// whole and shown back only without its password.
import { randomBytes } from "node:crypto";
import type { Db } from "@/db/client";
import { connectors } from "@/db/schema";
import { recordAuditEntry } from "@/lib/audit/record-audit-entry";
import { authorize } from "@/lib/auth/authorize";
import type { Caller } from "@/lib/auth/caller";
import { redactConnection } from "@/lib/revocation/connection";
import type { CreateConnectorInput } from "./connector-fields";
import { type PublicConnector, toPublicConnector } from "./public-connector";
import { sealSecret } from "./secret-box";
import { isRevocationKind } from "./vocabulary";

export async function createConnector(db: Db, caller: Caller, input: CreateConnectorInput): Promise<PublicConnector & { secret: string | null }> {
  authorize(caller, "keys:manage");
  const revocation = isRevocationKind(input.kind);
  const secret = revocation
    ? null
    : input.kind === "webhook"
      ? `whsec_${randomBytes(32).toString("base64")}`
      : `tq_cs_${randomBytes(32).toString("base64url")}`;
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(connectors)
      .values({
        name: input.name,
        kind: input.kind,
        url: revocation ? redactConnection(input.url) : input.url,
        secretCiphertext: sealSecret(secret ?? input.url),
        secretPrefix: secret ? secret.slice(0, 12) : "",
        createdBy: caller.type === "user" ? caller.id : null,
      })
      .returning();
    if (!row) throw new Error("insert returned no row");
    await recordAuditEntry(tx, caller, {
      action: "connector.created",
      target: { type: "connector", id: row.id },
      after: { name: row.name, kind: row.kind, origin: `${new URL(row.url).protocol}//${new URL(row.url).host}` },
    });
    return { ...toPublicConnector(row), secret };
  });
}
