import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { scratchGit, git } from "../../__tests__/harness/git-fixture.js";
import { buildCommit } from "./build-commit.js";
import { captureChanges } from "./capture-changes.js";
import { createPublishRepo } from "./fresh-clone.js";
import { createHardenedGit } from "./hardened-git.js";
import { protectedPathsTouched } from "./protected-paths.js";
import { scanWork, secretNeedles } from "./secret-scan.js";
import { parseWorkDocument, serializeWorkDocument, sha256Hex, type WorkDocument } from "./work-schema.js";

const { temp: root, createOrigin } = scratchGit("pto-work-chain-");

// Canaries standing for the publishing job's token and the agent job's model key.
const WRITE_TOKEN = "ghs_PublishCanary0123456789abcdefghijKLMN";
const MODEL_KEY = "sk-ant-api03-ModelKeyCanary-7fQ2xL9mB4vN8cR1tZ6wY3pK0sD5gH2j-AbCdEfGh";
const isRoot = process.getuid?.() === 0;

/**
 * The action's side of the agent job: a pristine bare clone P it made itself, and the agent's working
 * copy W cloned from it without hard links (owned by another user when we can make it so).
 */
async function agentJob(originUrl: string, name: string) {
  const pristine = await createPublishRepo({ remoteUrl: originUrl, tempDir: root });
  const startSha = (await pristine.fetchRefs(["main"])).get("main") ?? "";
  const work = join(root, name);
  const clone = createHardenedGit({ cwd: root, protocols: ["file"] });
  await clone([
    "clone",
    "--quiet",
    "--no-hardlinks",
    "--template=",
    "--branch",
    "main",
    pristine.gitDir,
    work,
  ]);
  return { pristine, startSha, work };
}

/** What a hostile agent leaves in W/.git: every way the action's own git could be made to run something. */
function poisonGitDir(work: string, canary: string, evilUrl: string, originUrl: string): void {
  const config = (...args: string[]) => git(work, "config", ...args);
  config("core.fsmonitor", `touch '${canary}/fsmonitor'; echo`);
  config("core.hooksPath", join(work, ".git", "hooks"));
  config("remote.origin.pushurl", evilUrl);
  config(`url.${evilUrl}.insteadOf`, originUrl);
  config(`url.${evilUrl}.pushInsteadOf`, originUrl);
  config("filter.evil.clean", `touch '${canary}/filter'; cat`);
  config("filter.evil.smudge", `touch '${canary}/filter'; cat`);
  mkdirSync(join(work, ".git", "hooks"), { recursive: true });
  for (const hook of [
    "pre-commit",
    "pre-push",
    "post-checkout",
    "reference-transaction",
    "post-index-change",
  ]) {
    writeFileSync(join(work, ".git", "hooks", hook), `#!/bin/sh\ntouch '${canary}/${hook}'\n`);
    chmodSync(join(work, ".git", "hooks", hook), 0o755);
  }
}

function write(work: string, path: string, content: string, mode = 0o644): void {
  mkdirSync(dirname(join(work, path)), { recursive: true });
  writeFileSync(join(work, path), content);
  chmodSync(join(work, path), mode);
}

function documentOf(startSha: string, capture: Awaited<ReturnType<typeof captureChanges>>): WorkDocument {
  if (!capture.ok) throw new Error(capture.error.message);
  const document: WorkDocument = {
    schema_version: "1.0",
    master_issue: 7,
    task_id: "1",
    run_attempt: 1,
    start_sha: startSha,
    files: capture.files,
    stats: capture.stats,
  };
  // Through the artifact and back: the publisher checks the digest the agent job passed on, then parses.
  const uploaded = serializeWorkDocument(document);
  const digest = sha256Hex(uploaded);
  const downloaded = Buffer.from(uploaded);
  expect(sha256Hex(downloaded)).toBe(digest);
  return parseWorkDocument(JSON.parse(downloaded.toString("utf8")));
}

/** The publishing job's decisions before it builds anything: protected paths and secrets. */
function publishingFindings(document: WorkDocument, message: string) {
  return {
    protectedPaths: protectedPathsTouched(
      document.files.map((f) => f.path),
      [],
    ),
    secrets: scanWork(document, secretNeedles([WRITE_TOKEN, MODEL_KEY]), message),
  };
}

describe("agent work from a hostile working copy to a published commit", () => {
  const origin = createOrigin({ "README.md": "# Greetings\n", "greet.ts": "export const hi = 'hi';\n" });
  const evil = join(root, "evil.git");
  git(root, "init", "--quiet", "--bare", evil);
  const evilUrl = `file://${evil}`;
  const message = "Task 1: greet in two languages\n\nWork of the claude agent.\n";

  it("captures only file content, reports what it refused, and publishes nothing protected or secret", async () => {
    const { pristine, startSha, work } = await agentJob(origin.originUrl, "hostile");
    const canary = mkdtempSync(join(root, "canary-"));
    poisonGitDir(work, canary, evilUrl, origin.originUrl);
    write(work, "greet.ts", "export const hi = 'hi';\nexport const hallo = 'hallo';\n");
    write(work, ".gitattributes", "* filter=evil\n");
    write(work, ".github/workflows/x.yml", "on: push\njobs: {}\n");
    write(work, "tools/run.sh", "#!/bin/sh\necho run\n", 0o777);
    write(work, "notes/config.txt", `cache: ${Buffer.from(`key=${MODEL_KEY}`).toString("base64")}\n`);
    symlinkSync("../../../../../../etc/passwd", join(work, "passwd"));
    symlinkSync(".git/config", join(work, "config-link"));
    execFileSync("mkfifo", [join(work, "pipe")]);
    write(work, "vendor/dep/index.js", "module.exports = 1;\n");
    git(join(work, "vendor", "dep"), "init", "--quiet");
    if (isRoot) execFileSync("chown", ["-R", "65534:65534", work]);

    const capture = await captureChanges({
      pristineGitDir: pristine.gitDir,
      workTree: work,
      startSha,
      tempDir: root,
    });
    expect(capture.findings.map((f) => `${f.kind} ${f.path}`).sort()).toEqual([
      "nested-repository vendor/dep",
      "special-file pipe",
      "unsafe-symlink config-link",
      "unsafe-symlink passwd",
    ]);
    const document = documentOf(startSha, capture);
    expect(document.files.map((f) => ("mode" in f ? `${f.mode} ${f.path}` : `deleted ${f.path}`))).toEqual([
      "100644 .gitattributes",
      "100644 .github/workflows/x.yml",
      "100644 greet.ts",
      "100644 notes/config.txt",
      "100755 tools/run.sh",
    ]);
    expect(publishingFindings(document, message)).toEqual({
      protectedPaths: [".gitattributes", ".github/workflows/x.yml"],
      secrets: [{ where: "file content", path: "notes/config.txt" }],
    });
    // The publisher refuses such work: nothing is built or pushed, and nothing planted ever ran.
    expect(git(origin.origin, "for-each-ref", "--format=%(refname)")).toBe("refs/heads/main");
    expect(git(evil, "for-each-ref")).toBe("");
    expect(readdirSync(canary)).toEqual([]);
    await pristine.remove();
  });

  it("publishes a clean change from a fresh repository with the right content and parent", async () => {
    const { pristine, startSha, work } = await agentJob(origin.originUrl, "clean");
    const canary = mkdtempSync(join(root, "canary-"));
    poisonGitDir(work, canary, evilUrl, origin.originUrl);
    write(work, "greet.ts", "export const hi = 'hi';\nexport const hallo = 'hallo';\n");
    write(work, "bin/greet", "#!/bin/sh\necho hi\n", 0o777);
    symlinkSync("../greet.ts", join(work, "bin", "greet.ts"));
    rmSync(join(work, "README.md"));
    if (isRoot) execFileSync("chown", ["-R", "65534:65534", work]);
    const capture = await captureChanges({
      pristineGitDir: pristine.gitDir,
      workTree: work,
      startSha,
      tempDir: root,
    });
    expect(capture.findings).toEqual([]);
    const document = documentOf(startSha, capture);
    expect(document.stats).toEqual({ files: 4, bytes: 54 + 18 + 11, lines_added: 4, lines_removed: 1 });
    expect(publishingFindings(document, message)).toEqual({ protectedPaths: [], secrets: [] });

    // The publishing job: its own fresh repository, the write token, the start derived from the plan.
    const publish = await createPublishRepo({
      remoteUrl: origin.originUrl,
      token: WRITE_TOKEN,
      tempDir: root,
    });
    const fetched = await publish.fetchRefs(["main", "pto/7-1"]);
    expect(fetched.has("pto/7-1")).toBe(false);
    expect(await publish.isAncestor(document.start_sha, fetched.get("main") ?? "")).toBe(true);
    const built = await buildCommit(publish.git, { startSha: document.start_sha, document, message });
    expect(built.changes).toEqual({
      files: ["README.md", "bin/greet", "bin/greet.ts", "greet.ts"],
      linesAdded: 4,
      linesRemoved: 1,
    });
    expect((await publish.push(built.commitSha, "pto/7-1", "")).exitCode).toBe(0);

    const show = (...args: string[]) => git(origin.origin, ...args);
    expect(show("rev-parse", "pto/7-1")).toBe(built.commitSha);
    expect(show("rev-parse", "pto/7-1^")).toBe(startSha);
    expect(show("ls-tree", "-r", "pto/7-1").replace(/ [0-9a-f]{40}/g, "")).toBe(
      "100755 blob\tbin/greet\n120000 blob\tbin/greet.ts\n100644 blob\tgreet.ts",
    );
    expect(show("show", "pto/7-1:greet.ts")).toBe("export const hi = 'hi';\nexport const hallo = 'hallo';");
    expect(show("log", "-1", "--format=%B", "pto/7-1")).toBe(message.trim());
    expect(git(evil, "for-each-ref")).toBe("");
    expect(readdirSync(canary)).toEqual([]);
    await Promise.all([pristine.remove(), publish.remove()]);
    // Plain git in the same working copy runs what was planted: the canaries above could have appeared.
    spawnSync("git", ["-c", `safe.directory=${work}`, "status"], { cwd: work });
    expect(readdirSync(canary)).toContain("fsmonitor");
  });
});
