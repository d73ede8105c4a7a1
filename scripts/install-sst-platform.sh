#!/usr/bin/env bash
# Installs the SST platform (its component sources, Pulumi and providers) into .sst/ if
# it is missing. Works offline: no AWS account or network needed.
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ ! -f .sst/platform/config.d.ts ]]; then
  echo "Installing the SST platform (offline, about a minute)…"
  SST_SKIP_DEPENDENCY_CHECK=1 SST_NO_BUN=1 SST_TELEMETRY_DISABLED=1 npx sst install --stage test
fi
