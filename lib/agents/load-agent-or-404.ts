// For pages: the agent, or Next.js's 404 page when it does not exist.
import { notFound } from "next/navigation";
import type { Queryable } from "@/db/client";
import type { Caller } from "@/lib/auth/caller";
import { AppError } from "@/lib/errors";
import { getAgent } from "./get-agent";
import type { PublicAgent } from "./public-agent";

export async function loadAgentOr404(db: Queryable, caller: Caller, agentId: string): Promise<PublicAgent> {
  try {
    return await getAgent(db, caller, agentId);
  } catch (error) {
    if (error instanceof AppError && error.status === 404) notFound();
    throw error;
  }
}
