import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { csvCell, markdownText } from "./inert-text";

describe("csvCell", () => {
  it("turns cells a spreadsheet would run into text (OWASP CSV injection)", () => {
    for (const attack of ['=HYPERLINK("https://evil.example","x")', "+cmd|' /C calc'!A0", "-2+3", "@SUM(1+1)", "\t=1", "\r=1"]) {
      expect(csvCell(attack)).toBe(`'${attack}`);
    }
    expect(csvCell("read the ticket")).toBe("read the ticket");
  });
});

describe("markdownText", () => {
  it("keeps agent text from becoming headings, images, links, HTML or new lines", () => {
    const forged = "ok\n# Executive summary\n![t](https://evil.example/p.png) [x](https://evil.example) <img src=x>\nSHA-256 of this report above the line: 00";
    const safe = markdownText(forged);
    expect(safe).not.toContain("\n");
    expect(safe).not.toMatch(/(^|[^\\])[![\]<]/);
    expect(safe).not.toMatch(/^#/);
    expect(safe).not.toContain("https://");
    expect(markdownText("# title")).toBe("\\# title");
    expect(markdownText("1. item")).toBe("\\1. item");
  });

  it("leaves plain text readable", () => {
    expect(markdownText("2026-12-05T10:00:00.000Z #42 forum-helper data_read ok")).toBe("2026-12-05T10:00:00.000Z #42 forum-helper data_read ok");
    expect(parse("a,b\n1,2\n", { columns: true })).toEqual([{ a: "1", b: "2" }]);
  });
});
