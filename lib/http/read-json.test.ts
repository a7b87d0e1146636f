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

describe("hostile bodies", () => {
  it("refuses NUL characters anywhere in the JSON", async () => {
    await expect(readJson(post('{"name":"a\\u0000b"}'), schema)).rejects.toMatchObject({ status: 400, code: "invalid_input" });
  });

  it("stops reading a chunked body as soon as it passes the limit", async () => {
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1;
        controller.enqueue(new Uint8Array(16 * 1024));
        if (pulled > 10_000) controller.close();
      },
    });
    const request = new Request("http://localhost/x", {
      method: "POST",
      body: endless,
      headers: { "content-type": "application/json" },
      duplex: "half",
    } as RequestInit);
    await expect(readJson(request, schema)).rejects.toMatchObject({ status: 413 });
    expect(pulled).toBeLessThan(20);
  });

  it("reads only application/json (with at most a charset), not the types a cross-site form sends", async () => {
    const schema = z.object({ a: z.number() });
    await expect(readJson(post('{"a":1}', "application/json; charset=utf-8"), schema)).resolves.toEqual({ a: 1 });
    for (const type of ["application/x-www-form-urlencoded; charset=a+json", "text/plain; a=application/json", "application/evil+json", "multipart/form-data; boundary=json"]) {
      await expect(readJson(post('{"a":1}', type), schema)).rejects.toMatchObject({ status: 415 });
    }
  });
});
