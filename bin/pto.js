#!/usr/bin/env node
// The offline preview CLI, from the committed bundle so it runs right after `npm ci`.
await import("../dist/cli/index.js");
