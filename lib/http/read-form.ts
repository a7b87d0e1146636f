// Reads an application/x-www-form-urlencoded body, as the OAuth endpoints require.
// It is read before the client is authenticated, so it is capped at a few KB.
import { AppError } from "@/lib/errors";
import { readBodyBytes } from "./read-json";

export const FORM_BODY_LIMIT = 8 * 1024;

export async function readForm(request: Request): Promise<URLSearchParams> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/x-www-form-urlencoded\b/i.test(type)) {
    throw new AppError(415, "invalid_request", "Send the body as application/x-www-form-urlencoded.");
  }
  let bytes: Buffer;
  try {
    bytes = await readBodyBytes(request, FORM_BODY_LIMIT);
  } catch (error) {
    if (error instanceof AppError) throw new AppError(413, "invalid_request", "The body is too large.");
    throw error;
  }
  const form = new URLSearchParams(bytes.toString("utf8"));
  for (const value of form.values()) if (value.includes("\0")) throw new AppError(400, "invalid_request", "NUL characters are not allowed.");
  return form;
}
