// A receiver asks for a verification event (SSF 1.0 §8.1.4) to check the stream end to
// end: Tourniquet sends it the `state` it gave, signed like every other SET.
import type { z } from "zod";
import type { Db } from "@/db/client";
import type { Caller } from "@/lib/auth/caller";
import { SSF_VERIFICATION } from "@/lib/connectors/vocabulary";
import { enqueueStreamEvent } from "./enqueue-stream-event";
import { loadStream } from "./load-stream";
import type { verifyInput } from "./stream-fields";

export async function verifyStream(db: Db, caller: Caller, input: z.infer<typeof verifyInput>): Promise<void> {
  await db.transaction(async (tx) => {
    const stream = await loadStream(tx, caller, input.stream_id);
    await enqueueStreamEvent(tx, stream, SSF_VERIFICATION, input.state === undefined ? {} : { state: input.state });
  });
}
