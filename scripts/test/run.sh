#!/usr/bin/env bash
# `npm test`: every layer, in order of speed. Stops at the first failing layer.
set -euo pipefail
cd "$(dirname "$0")/../.."
export AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED=true
REPORTS=.test-reports
rm -rf "$REPORTS" && mkdir -p "$REPORTS"
started=$SECONDS

step() { printf '\n\033[1m== %s\033[0m\n' "$1"; }

step "Lint (ESLint)"
npx eslint --max-warnings=0 .

step "Format (Prettier)"
# Not `check && echo`: under `set -e` a failing command before `&&` does not stop the run.
npx prettier --check . > /dev/null
echo "All files formatted."

step "Typecheck: app"
npx next typegen > /dev/null
npx tsc --noEmit
echo "App type-checks."

step "Typecheck: sst.config.ts"
bash scripts/test/check-sst-config.sh

step "Unit, integration (emulators), Lambda contract (OpenNext bundle) and infrastructure (Pulumi mocks): Vitest"
npx vitest run --reporter=default --reporter=json --outputFile.json="$REPORTS/vitest.json"

step "End to end: Playwright in Chromium against npm start"
PLAYWRIGHT_JSON_OUTPUT_NAME="$REPORTS/playwright.json" npx playwright test --reporter=list,json

step "Summary"
node --import tsx scripts/test/summary.ts "$REPORTS"
echo "Full run: $((SECONDS - started)) s"
