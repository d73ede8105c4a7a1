#!/usr/bin/env bash
# Type-checks sst.config.ts against the SST platform's types. The platform is
# installed offline (no AWS account or network needed) the first time, into .sst/.
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ ! -f .sst/platform/config.d.ts ]]; then
  echo "Installing the SST platform (offline, about a minute)…"
  SST_SKIP_DEPENDENCY_CHECK=1 SST_NO_BUN=1 SST_TELEMETRY_DISABLED=1 npx sst install --stage test
fi
npx tsc --noEmit -p tsconfig.sst.json
echo "sst.config.ts type-checks."
