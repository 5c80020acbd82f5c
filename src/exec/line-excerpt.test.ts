import { describe, expect, it } from "vitest";
import { createLineExcerpt } from "./line-excerpt.js";
import { createLineSplitter } from "./line-splitter.js";

describe("createLineExcerpt", () => {
  it("keeps everything when the output is short", () => {
    const excerpt = createLineExcerpt();
    for (const line of ["a", "b", "c"]) excerpt.add(line);
    expect(excerpt.toString()).toBe("a\nb\nc");
    expect(excerpt.totalLines).toBe(3);
  });

  it("keeps the first and last lines and counts the rest", () => {
    const excerpt = createLineExcerpt({ headLines: 2, tailLines: 3 });
    for (let i = 1; i <= 10; i++) excerpt.add(`line ${i}`);
    expect(excerpt.toString()).toBe("line 1\nline 2\n… 5 lines omitted …\nline 8\nline 9\nline 10");
  });

  it("stays within maxChars whatever the lines", () => {
    const excerpt = createLineExcerpt({ maxChars: 1_000, maxLineChars: 5_000 });
    for (let i = 0; i < 10_000; i++) excerpt.add(`${i} ${"z".repeat(i % 700)}`);
    const text = excerpt.toString();
    expect(text.length).toBeLessThanOrEqual(1_000);
    expect(text).toMatch(/^0 /);
    expect(text).toMatch(/omitted/);
    expect(text.endsWith("z")).toBe(true);
  });
});

describe("createLineSplitter", () => {
  it("splits chunks into lines, joins split lines and multi-byte characters, drops CR", () => {
    const lines: string[] = [];
    const splitter = createLineSplitter(100, (line) => lines.push(line));
    const bytes = Buffer.from("a\r\nbé€\nc", "utf8");
    for (const byte of bytes) splitter.write(Buffer.from([byte]));
    splitter.end();
    expect(lines).toEqual(["a", "bé€", "c"]);
  });

  it("keeps only the start of an endless line and counts the rest", () => {
    const seen: Array<[string, number]> = [];
    const splitter = createLineSplitter(4, (line, dropped) => seen.push([line, dropped]));
    splitter.write("abcdefgh");
    splitter.write("ij\nk");
    splitter.end();
    expect(seen).toEqual([
      ["abcd", 6],
      ["k", 0],
    ]);
  });
});
