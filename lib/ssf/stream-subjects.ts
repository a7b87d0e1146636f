// Subjects of a stream (SSF 1.0 §8.1.3). default_subjects is ALL: every agent's
// events go to every stream, so removing a subject excludes it and adding one
// includes it again. Subjects are agents (opaque or iss_sub) or owners (email).
import { eq } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { connectors } from "@/db/schema";
import { recordAuditEntry } from "@/lib/audit/record-audit-entry";
import type { Caller } from "@/lib/auth/caller";
import { invalidInput } from "@/lib/errors";
import { issuerFallback } from "./issuer";
import { loadStream } from "./load-stream";
import { storedStream } from "./stream-config";
import type { subjectInput } from "./stream-fields";
import { type SubjectIdentifier, subjectKeys } from "./subjects";

export async function changeStreamSubject(db: Db, caller: Caller, input: z.infer<typeof subjectInput>, change: "add" | "remove"): Promise<void> {
  const keys = subjectKeys(input.subject as SubjectIdentifier);
  if (keys.length === 0) throw invalidInput("subject is an opaque, iss_sub, email or complex subject identifier.", { subject: "Unsupported subject." });
  await db.transaction(async (tx) => {
    const current = await loadStream(tx, caller, input.stream_id, true);
    const stream = storedStream(current, issuerFallback());
    const excluded = change === "remove" ? [...new Set([...stream.excludedSubjects, ...keys])] : stream.excludedSubjects.filter((key) => !keys.includes(key));
    await tx.update(connectors).set({ stream: { ...stream, excludedSubjects: excluded } }).where(eq(connectors.id, current.id));
    await recordAuditEntry(tx, caller, {
      action: change === "add" ? "ssf_stream.subject_added" : "ssf_stream.subject_removed",
      target: { type: "connector", id: current.id },
      after: { subject: keys },
    });
  });
}
