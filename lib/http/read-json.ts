// Reads and validates a JSON body at the edge: wrong content type 415, too large 413,
// malformed 400, failed validation 400 with the field-by-field reasons.
import { gunzipSync } from "node:zlib";
import type { ZodError, ZodType } from "zod";
import { AppError, invalidInput } from "@/lib/errors";
import { containsNul } from "./contains-nul";

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

/** The body as text, gunzipped when sent with Content-Encoding: gzip, never past the limit. */
export async function readBodyText(request: Request, limit: number): Promise<string> {
  const raw = await readBodyBytes(request, limit);
  const encoding = (request.headers.get("content-encoding") ?? "identity").toLowerCase();
  if (encoding === "identity") {
    if (raw.length > limit) throw tooLarge(limit);
    return raw.toString("utf8");
  }
  if (encoding !== "gzip") throw new AppError(415, "unsupported_encoding", "Send the body plain or with Content-Encoding: gzip.");
  try {
    // maxOutputLength stops a small gzip bomb from inflating into gigabytes.
    return gunzipSync(raw, { maxOutputLength: limit }).toString("utf8");
  } catch (error) {
    if ((error as { code?: string }).code === "ERR_BUFFER_TOO_LARGE") throw tooLarge(limit);
    throw new AppError(400, "invalid_body", "The gzip body could not be decompressed.");
  }
}

export async function readJson<T>(request: Request, schema: ZodType<T>, limit = DEFAULT_BODY_LIMIT): Promise<T> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/(.+\+)?json\b/i.test(type)) {
    throw new AppError(415, "unsupported_media_type", "Send the body as application/json.");
  }
  const text = await readBodyText(request, limit);
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
