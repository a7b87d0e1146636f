// Reads an application/x-www-form-urlencoded body, as the OAuth endpoints require.
import { AppError } from "@/lib/errors";

export const FORM_BODY_LIMIT = 8 * 1024;

export async function readForm(request: Request): Promise<URLSearchParams> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/x-www-form-urlencoded\b/i.test(type)) {
    throw new AppError(415, "invalid_request", "Send the body as application/x-www-form-urlencoded.");
  }
  const text = await request.text();
  if (Buffer.byteLength(text) > FORM_BODY_LIMIT) throw new AppError(413, "invalid_request", "The body is too large.");
  return new URLSearchParams(text);
}
