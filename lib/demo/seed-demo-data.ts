// Demo data for a fresh installation, so the console shows a real company's shape
// on first start. It runs once, inside the installation transaction.
import type { Tx } from "@/db/client";
import { users } from "@/db/schema";
import { recordAuditEntry } from "@/lib/audit/record-audit-entry";
import { systemCaller } from "@/lib/auth/caller";

// People without passwords: they sign in through single sign-on, or an admin sets a
// password for them in Settings. Demo data never ships a known password.
const demoPeople = [
  { email: "priya.raman@example.com", name: "Priya Raman", role: "responder" },
  { email: "marcus.webb@example.com", name: "Marcus Webb", role: "responder" },
  { email: "sam.okafor@example.com", name: "Sam Okafor", role: "viewer" },
  { email: "lena.fischer@example.com", name: "Lena Fischer", role: "viewer" },
] as const;

export async function seedDemoData(tx: Tx): Promise<void> {
  await tx
    .insert(users)
    .values(demoPeople.map((person) => ({ ...person })))
    .onConflictDoNothing();
  await recordAuditEntry(tx, systemCaller("demo-data"), {
    action: "demo.seeded",
    after: { people: demoPeople.length },
  });
}
