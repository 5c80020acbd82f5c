import { describe, expect, it } from "vitest";
import { createRedactor, createStreamRedactor } from "./redact-secrets.js";

const SECRET = "s3cr3t-V4lue/with+chars";

describe("createRedactor", () => {
  it("masks every occurrence of each secret, longest first", () => {
    const redact = createRedactor(["abcd", "abcdefgh", SECRET]);
    expect(redact(`x ${SECRET} y ${SECRET}`)).toBe("x *** y ***");
    expect(redact("abcdefgh and abcd")).toBe("*** and ***");
  });

  it("ignores values shorter than 4 characters and empty lists", () => {
    expect(createRedactor(["abc", "", "true"])("abc true")).toBe("abc ***");
    expect(createRedactor([])("plain text")).toBe("plain text");
  });

  it("treats secrets as literals, not patterns", () => {
    expect(createRedactor(["a.b*c(d"])("a.b*c(d axbbbc(d")).toBe("*** axbbbc(d");
  });

  it("masks URL-encoded and base64 forms, including inside a larger base64 value", () => {
    const redact = createRedactor([SECRET]);
    expect(redact(`q=${encodeURIComponent(SECRET)}&x=1`)).toBe("q=***&x=1");
    expect(redact(Buffer.from(SECRET).toString("base64"))).not.toContain(
      Buffer.from(SECRET).toString("base64").slice(0, 12),
    );
    for (const prefix of ["x-access-token:", "ab:", "a:"]) {
      const header = `AUTHORIZATION: basic ${Buffer.from(prefix + SECRET).toString("base64")}`;
      const out = redact(header.replace("AUTHORIZATION: basic ", "header="));
      expect(out).toContain("***");
      expect(out.length).toBeLessThan(header.length - 10);
    }
    const urlSafe = Buffer.from(`xx${SECRET}`).toString("base64url");
    expect(redact(urlSafe)).toContain("***");
  });

  it("masks well-known token shapes without being told the value", () => {
    const redact = createRedactor([]);
    const cases: Array<[string, string]> = [
      [`token ghp_${"A".repeat(36)} end`, "token *** end"],
      [`ghs_${"b1".repeat(18)}`, "***"],
      [`gho_${"c".repeat(36)} ghu_${"d".repeat(36)} ghr_${"e".repeat(36)}`, "*** *** ***"],
      [`github_pat_11ABCDEFG0_${"x".repeat(59)}`, "***"],
      ["key=sk-ant-api03-AbCdEf_123-456789xyz", "key=***"],
      [`OPENAI=sk-proj-${"Z".repeat(40)}`, "OPENAI=***"],
      ["Authorization: Bearer abc.DEF-123_456~+/=", "Authorization: Bearer ***"],
      ["authorization: basic eHh4Onl5eQ==", "authorization: basic ***"],
      [
        "https://x-access-token:ghs_short@github.com/o/r.git",
        "https://x-access-token:***@github.com/o/r.git",
      ],
      ["git clone https://user:hunter22@example.com/r", "git clone https://user:***@example.com/r"],
      [
        "jwt eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U",
        "jwt ***",
      ],
      ["AKIAIOSFODNN7EXAMPLE", "***"],
    ];
    for (const [input, expected] of cases) expect(redact(input)).toBe(expected);
  });

  it("masks token shapes glued to a terminal colour code or a JSON escape", () => {
    const redact = createRedactor([]);
    const token = `ghp_${"Ab1".repeat(12)}`;
    for (const before of ["\x1b[31m", "\x1b[1;32m", "\\u001b[31m", "\\n", "\\t", '\\"', "\\u0041"])
      expect(redact(`x ${before}${token} y`), JSON.stringify(before)).toBe(`x ${before}*** y`);
    expect(redact(JSON.stringify({ log: `done\n${token}\tsk-ant-api03-${"k".repeat(20)}` }))).toBe(
      '{"log":"done\\n***\\t***"}',
    );
  });

  it("masks AWS temporary key ids and credentials in protocol-relative URLs", () => {
    const redact = createRedactor([]);
    expect(redact("ASIAY34FZKBOKMUTVV7A and AKIAIOSFODNN7EXAMPLE")).toBe("*** and ***");
    expect(redact("clone //deploy:hunter2@git.example.com/r.git")).toBe(
      "clone //deploy:***@git.example.com/r.git",
    );
    expect(redact("ASIAY34FZKBOKMUTVV7AX and a//b:c")).toBe("ASIAY34FZKBOKMUTVV7AX and a//b:c");
  });

  it("leaves ordinary text alone", () => {
    const text =
      "ghp_short sk-1 Bearer x eyJ.a.b https://github.com/o/r the task-list; use Bearer authentication";
    expect(createRedactor(["different"])(text)).toBe(text);
  });
});

describe("createStreamRedactor", () => {
  const run = (secrets: string[], chunks: string[]) => {
    const stream = createStreamRedactor(secrets);
    return chunks.map((c) => stream.push(c)).join("") + stream.flush();
  };

  it("masks a secret split across chunks at every split point", () => {
    const text = `before ${SECRET} after\nnext line ${SECRET}\n`;
    for (let i = 1; i < text.length; i++) {
      expect(run([SECRET], [text.slice(0, i), text.slice(i)])).toBe("before *** after\nnext line ***\n");
    }
  });

  it("masks a secret delivered one character at a time", () => {
    expect(run([SECRET], [...`x${SECRET}y`])).toBe("x***y");
  });

  it("masks token shapes split across chunks within a line", () => {
    const token = `ghp_${"Q".repeat(36)}`;
    expect(run([], ["push with ", token.slice(0, 10), token.slice(10), " done\n"])).toBe(
      "push with *** done\n",
    );
  });

  it("emits whole lines as soon as they are complete", () => {
    const stream = createStreamRedactor(["abcd"]);
    expect(stream.push("one abcd\ntwo")).toBe("one ***\n");
    expect(stream.push(" three\n")).toBe("two three\n");
    expect(stream.flush()).toBe("");
  });

  it("keeps memory bounded on an endless line", () => {
    const stream = createStreamRedactor([SECRET]);
    let emitted = 0;
    for (let i = 0; i < 200; i++) emitted += stream.push("x".repeat(1024)).length;
    expect(emitted).toBeGreaterThan(100 * 1024);
    expect(stream.flush().length).toBeLessThanOrEqual(66 * 1024);
  });
});

describe("createStreamRedactor with a multi-line secret", () => {
  it("masks a PEM-like secret split anywhere", () => {
    const pem = "-----BEGIN KEY-----\nAAAA1111\nBBBB2222\n-----END KEY-----";
    const text = `key:\n${pem}\ndone\n`;
    for (let i = 1; i < text.length; i += 3) {
      const stream = createStreamRedactor([pem]);
      expect(stream.push(text.slice(0, i)) + stream.push(text.slice(i)) + stream.flush()).toBe(
        "key:\n***\ndone\n",
      );
    }
  });
});
