// Reads and validates a JSON body at the edge: wrong content type 415, too large 413,
// malformed 400, failed validation 400 with the field-by-field reasons.
import type { ZodError, ZodType } from "zod";
import { AppError, invalidInput } from "@/lib/errors";

export const DEFAULT_BODY_LIMIT = 64 * 1024;

export function zodDetails(error: ZodError): { path: string; message: string }[] {
  return error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message }));
}

export async function readJson<T>(request: Request, schema: ZodType<T>, limit = DEFAULT_BODY_LIMIT): Promise<T> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/(.+\+)?json\b/i.test(type)) {
    throw new AppError(415, "unsupported_media_type", "Send the body as application/json.");
  }
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > limit) throw new AppError(413, "payload_too_large", `The body is over ${limit} bytes.`);
  const text = await request.text();
  if (Buffer.byteLength(text) > limit) throw new AppError(413, "payload_too_large", `The body is over ${limit} bytes.`);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new AppError(400, "invalid_json", "The body is not valid JSON.");
  }
  const result = schema.safeParse(body);
  if (!result.success) {
    const first = result.error.issues[0];
    const where = first?.path.length ? `${first.path.join(".")}: ` : "";
    throw invalidInput(`${where}${first?.message ?? "invalid input"}`, zodDetails(result.error));
  }
  return result.data;
}
