// The guard counts what JSON.parse would build, however the body is cut into chunks:
// strings holding brackets, quotes and backslashes, keys split across chunks, a
// counted key that only looks like one.
import { describe, expect, it } from "vitest";
import { JsonShapeGuard } from "./json-shape-guard";

const limits = (max: number) => ({ maxDepth: 8, maxValues: 10_000, maxContainers: 10_000, counted: { key: "actions", max, what: "actions" } });

/** Feeds the body cut at `cut` and returns the error code, or "ok". */
function feed(body: string, max: number, cut: number): string {
  const bytes = Buffer.from(body, "utf8");
  const guard = new JsonShapeGuard(limits(max));
  try {
    guard.push(bytes.subarray(0, cut));
    guard.push(bytes.subarray(cut));
    return "ok";
  } catch (error) {
    return (error as { code: string }).code;
  }
}

const body = JSON.stringify({
  note: 'a string with [brackets], {braces}, "quotes", \\ backslashes and "actions": [1,2,3]',
  "actions\\u0073": [1, 2, 3, 4],
  nested: { actions: "not a list", more: [["x"], { actions: [] }] },
  actions: [{ id: "a", summary: "]]]}}}" }, { id: "b\\\"" }, "three", 4, [5], null],
});

describe("the JSON shape guard", () => {
  it("counts the counted list's six items at every cut", () => {
    for (let cut = 0; cut <= Buffer.byteLength(body); cut++) {
      expect(feed(body, 6, cut), `cut at ${cut}`).toBe("ok");
      expect(feed(body, 5, cut), `cut at ${cut}`).toBe("payload_too_large");
    }
  });

  it("counts an empty counted list as none and refuses nesting past the limit at every cut", () => {
    const empty = '{"actions": [ ], "x": "actions"}';
    for (let cut = 0; cut <= empty.length; cut++) expect(feed(empty, 0, cut)).toBe("ok");
    const deep = `{"a":${"[".repeat(10)}${"]".repeat(10)}}`;
    for (let cut = 0; cut <= deep.length; cut++) expect(feed(deep, 10, cut)).toBe("too_deep");
  });
});
