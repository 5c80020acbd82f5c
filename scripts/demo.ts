/**
 * `npm run demo`: one realistic orchestration on this machine. The real reusable workflow
 * (.github/workflows/orchestrate.yml) runs in the local runner against loopback stand-ins of GitHub and
 * the Actions artifact service, with a bare git repository as origin and a deterministic scripted agent
 * (one task fails on purpose). Nothing leaves this machine.
 */
import { runWorkflow } from "../__tests__/local-runner/run-workflow.js";
import { createWorld, SCRIPTED_AGENT } from "../__tests__/harness/world.js";

const MASTER_ISSUE = `We are splitting the storefront into independent modules so each can ship on its own.
Every module keeps its own tests.

## Sub-Tasks
- [ ] **Cart model**: Create \`src/cart/\` with the cart entity. It must round-trip to JSON.
- [ ] **Checkout API**: Add \`src/api/checkout.ts\`. It should validate payment tokens.
- [ ] **Catalog search**: Add prefix search in \`src/catalog/search.ts\`.
- [ ] **Order emails**: Add \`src/mail/receipt.ts\`; receipts will include the order total.
- [ ] **Inventory sync**: Add \`src/inventory/sync.ts\` with its integration tests (simulate a failure: the demo agent fails this one).
- [ ] **Docs**: Document the modules in \`docs/storefront.md\`.
`;

const out = (text: string) => process.stdout.write(`${text}\n`);

async function main(): Promise<number> {
  const world = await createWorld({
    "README.md": "# Storefront\n",
    "package.json": '{ "name": "storefront" }\n',
  });
  try {
    const master = world.github.seedIssue({
      title: "Split the storefront into modules",
      body: MASTER_ISSUE,
      user: "maintainer-1",
    });
    out(`Master issue #${master.number}: "${master.title}" with 6 tasks; 3 agents at a time.\n`);
    const report = await runWorkflow({
      inputs: {
        "master-issue": master.number,
        "max-workers": 3,
        agent: "command",
        "agent-command": `node ${SCRIPTED_AGENT} demo`,
      },
      githubApiUrl: world.github.url,
      artifacts: world.artifacts,
      originUrl: world.origin.originUrl,
      runId: world.runId,
      actionInputDefaults: { "api-write-interval-ms": "20" },
      progress: process.stdout,
    });
    const comments = [...world.github.state.comments.values()];
    const summary = comments.filter((c) => c.issueNumber === master.number).at(-1);
    out("\n════════ Summary comment on the master issue ════════\n");
    out(
      summary?.body.replace(/<!-- parallel-task-orchestrator-data [^>]+ -->/, "<!-- (retry data) -->") ??
        "(none)",
    );
    const followUps = [...world.github.state.issues.values()].filter((i) => i.title.includes("failed ("));
    for (const issue of followUps) {
      out(`\n════════ Follow-up issue #${issue.number}: ${issue.title} ════════\n`);
      out(issue.body ?? "");
    }
    out(
      `\nWorkflow ${report.result} in ${(report.durationMs / 1000).toFixed(1)} s: ${world.github.state.pulls.size} pull requests, ` +
        `${world.github.requests.length} GitHub API requests, ${world.artifacts.artifacts.length} artifacts.`,
    );
    out(
      `Success rate ${report.outputs["success-rate"] ?? "?"}% against the 80% threshold. In a real repository, ` +
        "dispatching the workflow again with retry: true would run only the failed task.",
    );
    return report.jobs.plan?.result === "success" ? 0 : 1;
  } finally {
    await world.close();
  }
}

process.exitCode = await main();
