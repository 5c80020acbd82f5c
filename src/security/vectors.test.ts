import { describe, expect, it } from "vitest";
import { safeLine, safeMarkdown, safeTitle } from "../plan/render-sub-issue.js";
import { neutralizeTitle } from "./neutralize-title.js";
import { createRedactor } from "./redact-secrets.js";
import { escapeMarkdownInline, sanitizeUntrustedText } from "./sanitize-untrusted-text.js";
import {
  checkVector,
  isApplicable,
  readVectorFile,
  type Implementation,
  type Vector,
} from "./vectors/check-vector.js";

const redact = createRedactor([]);
/** Today's functions, one per place untrusted text is read or written. */
const ours: Implementation = {
  prompt: (input) => sanitizeUntrustedText(input).text,
  body: safeMarkdown,
  line: safeLine,
  cell: escapeMarkdownInline,
  title: (input) => neutralizeTitle(safeTitle(input)),
  redact,
  outbound: (input) => redact(safeMarkdown(input)),
};

const FILES = ["claude-code-action.json", "gh-aw.json", "issue-10.json"] as const;
const files = FILES.map((name) => ({ name, data: readVectorFile(name) }));

/** Each kind of risk the issue names has vectors that apply to us. */
const CATEGORIES = [
  "mentions",
  "references",
  "encoded-references",
  "markdown-context",
  "invisible-characters",
  "html-comments",
  "hidden-html",
  "hidden-markdown",
  "visible-content",
  "secrets",
];

for (const { name, data } of files) {
  describe(`${name} (${data.source.repo})`, () => {
    const applicable = data.vectors.filter(isApplicable);
    it.each(applicable.map((v) => [`${v.id} [${v.category}/${v.target}] ${v.test}`, v] as const))(
      "%s",
      (_, v) => {
        expect(checkVector(v, ours)).toEqual([]);
      },
    );

    it("has unique ids and gives a reason for every vector that does not apply", () => {
      const ids = data.vectors.map((v) => v.id);
      expect(new Set(ids).size).toBe(ids.length);
      for (const v of data.vectors) if (!isApplicable(v)) expect(v.reason.length).toBeGreaterThan(20);
    });
  });
}

describe("vector coverage", () => {
  const applicable = files.flatMap(({ data }) => data.vectors.filter(isApplicable));

  it.each(CATEGORIES)("category %s has vectors from the data that apply", (category) => {
    expect(applicable.filter((v) => v.category === category).length).toBeGreaterThan(0);
  });

  it("uses no category outside the list", () => {
    expect([...new Set(applicable.map((v) => v.category))].filter((c) => !CATEGORIES.includes(c))).toEqual(
      [],
    );
  });

  it("checks every place we write, and what the agent reads", () => {
    expect(new Set(applicable.map((v) => v.target))).toEqual(
      new Set(["prompt", "body", "line", "cell", "title", "redact", "outbound"]),
    );
  });
});

describe("checkVector", () => {
  const vector: Vector = {
    id: "x",
    test: "t",
    category: "mentions",
    target: "body",
    input: "hi @a",
    expect: { contains: ["hi"] },
  };
  it("fails output that is live on GitHub even when the expectation holds", () => {
    expect(checkVector(vector, { ...ours, body: (s) => s })).toEqual([
      expect.stringContaining("live on GitHub"),
    ]);
  });
  it("reports a wrong output and a function that throws", () => {
    expect(checkVector({ ...vector, expect: { equals: "no" } }, ours)[0]).toMatch(/expected "no"/);
    const boom: Implementation = {
      ...ours,
      body: () => {
        throw new Error("boom");
      },
    };
    expect(checkVector(vector, boom)).toEqual(["threw Error: boom"]);
  });
});
