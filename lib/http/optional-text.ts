import { z } from "zod";

/** A query-string filter: trimmed, at most 200 characters, and empty means absent. */
export const optionalText = z
  .string()
  .trim()
  .max(200)
  .optional()
  .transform((value) => value || undefined);
