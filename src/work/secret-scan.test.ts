import { describe, expect, it } from "vitest";
import { scanWork, secretNeedles } from "./secret-scan.js";
import type { WorkFile } from "./work-schema.js";

// Canaries shaped like the real credentials a job holds (random, never valid anywhere).
const GITHUB_TOKEN = "ghs_Q7mZ2xK9vB4nR1tY8uW3eP6sD0fG5hJ2kL9a";
const MODEL_KEY = "sk-ant-api03-Xq4Lr8Vt2Nw6Bz0Mc5Kp9Hj3Gf7Ds1Aa-Ee2Rr6Tt0Yy4Uu8Ii3Oo7Pp1-ZZ9xAA";
const RUNTIME_TOKEN = "eyJhbGciOiJSUzI1NiJ9.eyJzY3AiOiJBY3Rpb25zLlJlc3VsdHMifQ.c2lnbmF0dXJlX2Nhbm";

const needles = secretNeedles([GITHUB_TOKEN, MODEL_KEY, RUNTIME_TOKEN]);

function file(path: string, content: string | Buffer): WorkFile {
  return { path, mode: "100644", content_base64: Buffer.from(content).toString("base64") };
}

function foundIn(content: string | Buffer): boolean {
  return scanWork({ files: [file("x.txt", content)] }, needles, "ok").length > 0;
}

describe("secretNeedles", () => {
  it("ignores values shorter than 4 characters and orders longest first", () => {
    expect(secretNeedles(["abc"])).toEqual([]);
    const list = secretNeedles(["abcd1234"]);
    expect(list).toContain("abcd1234");
    expect(list.map((n) => n.length)).toEqual([...list.map((n) => n.length)].sort((a, b) => b - a));
  });
});

describe("scanWork", () => {
  const embedded = (prefix: string, encode: (s: string) => string) =>
    `const x = "${prefix}${encode(MODEL_KEY)}";\n`;

  it.each<[string, string | Buffer]>([
    ["as is", `token=${GITHUB_TOKEN}\n`],
    ["base64", `data: ${Buffer.from(MODEL_KEY).toString("base64")}`],
    ["base64 after 1 byte", embedded("", (s) => Buffer.from(`x${s}`).toString("base64"))],
    ["base64 after 2 bytes", embedded("", (s) => Buffer.from(`xy${s}`).toString("base64"))],
    [
      "basic auth",
      `Authorization: basic ${Buffer.from(`x-access-token:${GITHUB_TOKEN}`).toString("base64")}`,
    ],
    ["URL-safe base64", embedded("", (s) => Buffer.from(`?${s}`).toString("base64url"))],
    [
      "base64 wrapped at 76 columns",
      (
        Buffer.from(MODEL_KEY)
          .toString("base64")
          .match(/.{1,76}/g) ?? []
      ).join("\n"),
    ],
    ["lower-case hex", embedded("0x", (s) => Buffer.from(s).toString("hex"))],
    ["upper-case hex", embedded("", (s) => Buffer.from(s).toString("hex").toUpperCase())],
    ["reversed", embedded("", (s) => [...s].reverse().join(""))],
    ["URL-encoded (reserved bytes)", `?k=${encodeURIComponent(RUNTIME_TOKEN)}`],
    [
      "every byte percent-encoded",
      embedded("", (s) => [...Buffer.from(s)].map((b) => `%${b.toString(16)}`).join("")),
    ],
    [
      "inside binary content",
      Buffer.concat([Buffer.from([0, 255, 1]), Buffer.from(GITHUB_TOKEN), Buffer.from([0])]),
    ],
  ])("finds a canary written %s", (_form, content) => {
    expect(foundIn(content)).toBe(true);
  });

  it("finds nothing in ordinary content", () => {
    expect(foundIn("export const greeting = 'hello';\n// sk-ant- prefix alone, ghs_ prefix alone\n")).toBe(
      false,
    );
    expect(foundIn(Buffer.from(GITHUB_TOKEN.slice(0, 20)))).toBe(false);
  });

  it("names the file, the symlink, the commit message, and a file name without repeating it", () => {
    const findings = scanWork(
      {
        files: [
          file("clean.ts", "ok"),
          file("leak.ts", `// ${Buffer.from(GITHUB_TOKEN).toString("hex")}`),
          { path: "link", mode: "120000", target: `docs/${MODEL_KEY}` },
          { path: `notes/${GITHUB_TOKEN}.txt`, deleted: true },
          file(`dump/${[...RUNTIME_TOKEN].reverse().join("")}`, "x"),
        ],
      },
      needles,
      `Task 3: add greeting\n\n${encodeURIComponent(MODEL_KEY)}`,
    );
    expect(findings).toEqual([
      { where: "file content", path: "leak.ts" },
      { where: "symlink target", path: "link" },
      { where: "file name" },
      { where: "commit message" },
    ]);
    expect(JSON.stringify(findings)).not.toContain(GITHUB_TOKEN);
  });

  it("finds nothing without needles", () => {
    expect(scanWork({ files: [file("a", GITHUB_TOKEN)] }, [], GITHUB_TOKEN)).toEqual([]);
  });
});
