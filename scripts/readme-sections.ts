import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { parse } from "yaml";
import { STATUS_FIELDS_DOC } from "../src/status/status-fields-doc.js";

/**
 * The README's reference tables, generated from their sources so they cannot drift: every input and
 * output from action.yml, and the status document's fields from its zod schema. `npm run docs` rewrites
 * them between their markers; a test fails when the README is stale.
 */
const ROOT = resolve(import.meta.dirname, "..");

interface ActionYml {
  inputs: Record<string, { description: string; default?: string; required?: boolean }>;
  outputs: Record<string, { description: string }>;
}

function escapeCell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/\n/g, " ");
}

export function renderInputsTable(): string {
  const action = parse(readFileSync(resolve(ROOT, "action.yml"), "utf8")) as ActionYml;
  const inputs = Object.entries(action.inputs).map(([name, input]) => {
    const fallback = input.required
      ? "(required)"
      : input.default === undefined || input.default === ""
        ? ""
        : `\`${input.default}\``;
    return `| \`${name}\` | ${escapeCell(fallback)} | ${escapeCell(input.description)} |`;
  });
  const outputs = Object.entries(action.outputs).map(
    ([name, output]) => `| \`${name}\` | ${escapeCell(output.description)} |`,
  );
  return [
    "### Inputs",
    "",
    "| Input | Default | Description |",
    "|---|---|---|",
    ...inputs,
    "",
    "### Outputs",
    "",
    "| Output | Description |",
    "|---|---|",
    ...outputs,
  ].join("\n");
}

export const SECTIONS: Record<string, () => string> = {
  "action-reference": renderInputsTable,
  "status-fields": () => STATUS_FIELDS_DOC.trim(),
};

/** The README with every generated section replaced by its current rendering. */
export function updateReadme(readme: string): string {
  let out = readme;
  for (const [name, render] of Object.entries(SECTIONS)) {
    const start = `<!-- generated:${name} -->`;
    const end = `<!-- /generated:${name} -->`;
    const from = out.indexOf(start);
    const to = out.indexOf(end);
    if (from === -1 || to === -1) throw new Error(`README.md lacks the markers ${start} … ${end}`);
    out = `${out.slice(0, from + start.length)}\n${render()}\n${out.slice(to)}`;
  }
  return out;
}
