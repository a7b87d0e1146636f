import { describe, expect, it } from "vitest";
import { z } from "zod";
import { readJson } from "./read-json";

const schema = z.strictObject({ name: z.string().min(1) });
const post = (body: string, type = "application/json") =>
  new Request("http://localhost/x", { method: "POST", body, headers: { "content-type": type } });

describe("readJson", () => {
  it("returns the parsed body", async () => {
    await expect(readJson(post('{"name":"a"}'), schema)).resolves.toEqual({ name: "a" });
  });

  it.each([
    ["a wrong content type", post('{"name":"a"}', "text/plain"), 415, "unsupported_media_type"],
    ["malformed JSON", post('{"name":'), 400, "invalid_json"],
    ["a failed validation", post('{"name":""}'), 400, "invalid_input"],
    ["an unknown field", post('{"name":"a","admin":true}'), 400, "invalid_input"],
    ["a body over the limit", post(JSON.stringify({ name: "x".repeat(70_000) })), 413, "payload_too_large"],
  ])("refuses %s", async (_label, request, status, code) => {
    await expect(readJson(request, schema)).rejects.toMatchObject({ status, code });
  });

  it("names the failing field in the message and details", async () => {
    await expect(readJson(post('{"name":42}'), schema)).rejects.toMatchObject({
      message: expect.stringMatching(/^name: /),
      details: [expect.objectContaining({ path: "name" })],
    });
  });
});
