// Reads and validates a JSON body at the edge: wrong content type 415, too large 413,
// malformed 400, failed validation 400 with the field-by-field reasons.
import { createGunzip } from "node:zlib";
import type { ZodError, ZodType } from "zod";
import { AppError, invalidInput } from "@/lib/errors";
import { containsNul } from "./contains-nul";
import { JsonShapeGuard, type JsonShapeLimits } from "./json-shape-guard";

const JSON_MEDIA_TYPE = /^application\/json\s*(;\s*charset\s*=\s*("?)[A-Za-z0-9._-]+\2\s*)?$/i;

export const DEFAULT_BODY_LIMIT = 64 * 1024;

export function zodDetails(error: ZodError): { path: string; message: string }[] {
  return error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message }));
}

const tooLarge = (limit: number) => new AppError(413, "payload_too_large", `The body is over ${limit} bytes.`);

/**
 * The body's bytes, read chunk by chunk and abandoned as soon as they pass the limit,
 * so a huge or endless (chunked) body costs the server no more than the limit.
 */
export async function readBodyBytes(request: Request, limit: number): Promise<Buffer> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > limit) throw tooLarge(limit);
  const reader = request.body?.getReader();
  if (!reader) return Buffer.alloc(0);
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      throw tooLarge(limit);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/**
 * The body, gunzipped when sent with Content-Encoding: gzip, never past the limit
 * before or after decompression. Inflation is streamed in small pieces, so a gzip bomb
 * is stopped at the limit and never holds the event loop while it expands; `inspect`
 * sees every decompressed piece as it comes (to count items and nesting while reading).
 */
export async function readBodyBuffer(request: Request, limit: number, inspect?: (chunk: Uint8Array) => void): Promise<Buffer> {
  const raw = await readBodyBytes(request, limit);
  const encoding = (request.headers.get("content-encoding") ?? "identity").toLowerCase();
  if (encoding === "identity") {
    // In slices with a turn of the event loop between them, as gunzip's pieces come.
    for (let start = 0; inspect && start < raw.length; start += 64 * 1024) {
      inspect(raw.subarray(start, start + 64 * 1024));
      await new Promise((resolve) => setImmediate(resolve));
    }
    return raw;
  }
  if (encoding !== "gzip") throw new AppError(415, "unsupported_encoding", "Send the body plain or with Content-Encoding: gzip.");
  return gunzipBounded(raw, limit, inspect);
}

async function gunzipBounded(raw: Buffer, limit: number, inspect?: (chunk: Uint8Array) => void): Promise<Buffer> {
  const gunzip = createGunzip({ chunkSize: 64 * 1024 });
  const chunks: Buffer[] = [];
  let size = 0;
  gunzip.end(raw);
  try {
    for await (const chunk of gunzip as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > limit) throw tooLarge(limit);
      inspect?.(chunk);
      chunks.push(chunk);
    }
  } catch (error) {
    gunzip.destroy();
    if (error instanceof AppError) throw error;
    throw new AppError(400, "invalid_body", "The gzip body could not be decompressed.");
  }
  return Buffer.concat(chunks);
}

/** The body as text, gunzipped when sent with Content-Encoding: gzip, never past the limit. */
export async function readBodyText(request: Request, limit: number, inspect?: (chunk: Uint8Array) => void): Promise<string> {
  return (await readBodyBuffer(request, limit, inspect)).toString("utf8");
}

/** Nesting no JSON body of the API needs; deeper is refused before it is parsed. */
const MAX_JSON_DEPTH = 64;

export async function readJson<T>(
  request: Request,
  schema: ZodType<T>,
  limit = DEFAULT_BODY_LIMIT,
  shape: Partial<JsonShapeLimits> = {},
): Promise<T> {
  const type = request.headers.get("content-type") ?? "";
  // Exactly application/json, with at most a charset: "text/plain; a+json" and the like
  // are what a cross-site form may send without a preflight.
  if (!JSON_MEDIA_TYPE.test(type.trim())) {
    throw new AppError(415, "unsupported_media_type", "Send the body as application/json.");
  }
  const guard = new JsonShapeGuard({
    maxDepth: MAX_JSON_DEPTH,
    maxValues: Math.max(1000, Math.floor(limit / 8)),
    maxContainers: Math.max(1000, Math.floor(limit / 32)),
    ...shape,
  });
  const text = await readBodyText(request, limit, (chunk) => guard.push(chunk));
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new AppError(400, "invalid_json", "The body is not valid JSON.");
  }
  if (containsNul(body)) throw invalidInput("Text may not contain NUL characters (\\u0000).");
  const result = schema.safeParse(body);
  if (!result.success) {
    const first = result.error.issues[0];
    const where = first?.path.length ? `${first.path.join(".")}: ` : "";
    throw invalidInput(`${where}${first?.message ?? "invalid input"}`, zodDetails(result.error));
  }
  return result.data;
}
