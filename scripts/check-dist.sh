#!/usr/bin/env bash
# Fails when the committed dist/ is not exactly what `npm run build` makes from this source.
set -euo pipefail
cd "$(dirname "$0")/.."
npm run --silent build >/dev/null
if [ -n "$(git status --porcelain -- dist)" ]; then
  echo "dist/ is stale: run 'npm run build' and commit dist/. Differences:" >&2
  git status --porcelain -- dist >&2
  git --no-pager diff --stat -- dist >&2
  exit 1
fi
echo "dist/ matches the source."
