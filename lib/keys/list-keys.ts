// API keys, ingest keys and resource servers, for the admins' Settings page.
import { desc } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { apiKeys, ingestKeys, resourceServers } from "@/db/schema";
import { authorize } from "@/lib/auth/authorize";
import type { Caller } from "@/lib/auth/caller";
import {
  type PublicApiKey,
  type PublicIngestKey,
  type PublicResourceServer,
  toPublicApiKey,
  toPublicIngestKey,
  toPublicResourceServer,
} from "./public-keys";

export async function listApiKeys(db: Queryable, caller: Caller): Promise<PublicApiKey[]> {
  authorize(caller, "keys:manage");
  return (await db.select().from(apiKeys).orderBy(desc(apiKeys.createdAt))).map(toPublicApiKey);
}

export async function listResourceServers(db: Queryable, caller: Caller): Promise<PublicResourceServer[]> {
  authorize(caller, "keys:manage");
  return (await db.select().from(resourceServers).orderBy(desc(resourceServers.createdAt))).map(toPublicResourceServer);
}

export async function listIngestKeys(db: Queryable, caller: Caller): Promise<PublicIngestKey[]> {
  authorize(caller, "keys:manage");
  return (await db.select().from(ingestKeys).orderBy(desc(ingestKeys.createdAt))).map(toPublicIngestKey);
}
