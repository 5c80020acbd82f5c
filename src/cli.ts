import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { previewPlan } from "./plan/preview-plan.js";

/**
 * Offline preview: `parallel-task-orchestrator plan --file issue.md` prints the tasks found and the
 * validation report without touching GitHub, so a master issue can be checked before paying for agents.
 */
const USAGE = `Usage: parallel-task-orchestrator plan --file <issue.md> [--tasks 1,3,5-7] [--on-overlap warn|fail] [--json]

Reads a master issue's markdown (use --file - for standard input), prints the tasks found and the
validation report. Exit status: 0 proceed or warn, 2 abort, 1 bad usage.`;

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      file: { type: "string", short: "f" },
      tasks: { type: "string", default: "" },
      "on-overlap": { type: "string", default: "warn" },
      json: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (positionals[0] !== "plan" || !values.file) {
    process.stderr.write(`${USAGE}\n`);
    return 1;
  }
  const onOverlap = values["on-overlap"];
  if (onOverlap !== "warn" && onOverlap !== "fail") {
    process.stderr.write(`--on-overlap must be "warn" or "fail"; got ${JSON.stringify(onOverlap)}\n`);
    return 1;
  }
  const body = values.file === "-" ? await readStdin() : await readFile(values.file, "utf8");
  const preview = previewPlan(body, { tasks: values.tasks, onOverlap });
  process.stdout.write(values.json ? `${JSON.stringify(preview.plan, null, 2)}\n` : `${preview.text}\n`);
  return preview.plan.validation.outcome === "abort" ? 2 : 0;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
