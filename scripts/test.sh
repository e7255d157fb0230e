#!/usr/bin/env bash
# `npm test`: the whole suite, in the order that fails fastest.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1

bash scripts/ensure-services.sh
echo "== lint";        npx eslint .
echo "== typecheck";   npx tsc --noEmit
echo "== unit + integration"; npx vitest run
echo "== crash (SIGKILL) harness"; npx tsx tests/crash/harness.ts --runs 24
echo "== build";       npm run -s build   # pages (next build) and the server (dist/), which the e2e tests run
echo "== end-to-end";  npx playwright test
