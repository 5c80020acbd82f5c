/**
 * Runs calls of the real `DefaultArtifactClient` (`@actions/artifact`) as one job step would: the
 * environment supplies ACTIONS_RUNTIME_TOKEN, ACTIONS_RESULTS_URL and GITHUB_WORKSPACE. argv[2] is a JSON
 * array of commands, run in order (several per process, because loading the client takes ~1 s). Each
 * outcome is one `RESULT_MARKER` line on stdout, since `@actions/core` also logs there.
 */
import { DefaultArtifactClient } from "@actions/artifact";

const RESULT_MARKER = "::artifact-client-result::";
const client = new DefaultArtifactClient();

function run(command) {
  switch (command.op) {
    case "upload":
      return client.uploadArtifact(command.name, command.files, command.rootDirectory, command.options);
    case "list":
      return client.listArtifacts(command.options);
    case "get":
      return client.getArtifact(command.name);
    case "download":
      return client.downloadArtifact(command.id, command.options);
    case "delete":
      return client.deleteArtifact(command.name);
    default:
      throw new Error(`unknown op ${command.op}`);
  }
}

for (const command of JSON.parse(process.argv[2] ?? "[]")) {
  let outcome;
  try {
    outcome = { ok: true, result: await run(command) };
  } catch (error) {
    const { name, message } = error instanceof Error ? error : { name: "Error", message: String(error) };
    outcome = { ok: false, error: { name, message } };
    process.exitCode = 1;
  }
  process.stdout.write(`\n${RESULT_MARKER}${JSON.stringify(outcome)}\n`);
}
