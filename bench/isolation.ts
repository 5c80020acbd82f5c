/**
 * What containing the agent costs per task: its OS user and directories, the model proxy, and
 * publishing (fetch into our own repository, the agent's copy, capture, commit, push), measured with
 * the modules the agent job uses, against a file:// origin. The firewall is left out here: it changes
 * iptables, which a benchmark on a developer's machine must not touch (its cost is in the isolation
 * tests' own namespace, about 10-25 ms).
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openTaskRepository } from "../src/agent/task-repository.js";
import { createAgentSandbox } from "../src/isolation/agent-user.js";
import { startModelProxy } from "../src/isolation/model-proxy.js";
import { detectPrivilege } from "../src/isolation/privilege.js";
import { DEFAULT_WORK_LIMITS } from "../src/work/work-limits.js";
import { WORK_SCHEMA_VERSION } from "../src/work/work-schema.js";
import { createOrigin } from "../__tests__/harness/git-fixture.js";

export interface IsolationFigures {
  /** Median seconds of each phase over the runs. */
  sandboxSetUp: number;
  sandboxDispose: number;
  proxyStart: number;
  publish: number;
  runs: number;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

async function timed<T>(into: number[], work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await work();
  into.push((performance.now() - started) / 1000);
  return result;
}

export async function measureIsolation(runs = 5): Promise<IsolationFigures> {
  const privilege = await detectPrivilege();
  if (!privilege) throw new Error("The isolation benchmark needs root or passwordless sudo");
  const origin = createOrigin({ "README.md": "# Bench\n", "a.ts": "export const a = 1;\n" });
  const times = {
    setUp: [] as number[],
    dispose: [] as number[],
    proxy: [] as number[],
    publish: [] as number[],
  };
  for (let i = 0; i < runs; i++) {
    const sandbox = await timed(times.setUp, () => createAgentSandbox({ privilege }));
    const proxy = await timed(times.proxy, () =>
      startModelProxy({
        provider: "anthropic",
        upstream: "http://127.0.0.1:9",
        credential: { kind: "api-key", value: "sk-ant-bench-key-000000" },
      }),
    );
    await proxy.close();
    const tempDir = mkdtempSync(join(tmpdir(), "pto-bench-publish-"));
    await timed(times.publish, async () => {
      const repo = await openTaskRepository({ remoteUrl: origin.originUrl, tempDir });
      const branch = `bench/${i}`;
      const start = await repo.start("main", branch);
      const workTree = join(sandbox.root, "repo");
      await repo.checkoutCopy(workTree, branch, start.startSha);
      writeFileSync(join(workTree, `task-${i}.md`), `# Task ${i}\n`);
      const captured = await repo.capture(workTree, start.startSha, DEFAULT_WORK_LIMITS);
      if (!captured.ok) throw new Error(captured.error.message);
      const built = await repo.commit(
        {
          schema_version: WORK_SCHEMA_VERSION,
          master_issue: 1,
          task_id: String(i + 1),
          run_attempt: 1,
          start_sha: start.startSha,
          files: captured.files,
          stats: captured.stats,
        },
        `Task ${i}`,
        DEFAULT_WORK_LIMITS,
      );
      const pushed = await repo.push(built.commitSha, branch, start.remoteSha);
      if (pushed.exitCode !== 0) throw new Error(pushed.stderr);
      await repo.remove();
    });
    await timed(times.dispose, () => sandbox.dispose());
  }
  return {
    sandboxSetUp: median(times.setUp),
    sandboxDispose: median(times.dispose),
    proxyStart: median(times.proxy),
    publish: median(times.publish),
    runs,
  };
}
