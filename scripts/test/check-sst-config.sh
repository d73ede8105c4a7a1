#!/usr/bin/env bash
# Type-checks sst.config.ts and infra/ against the SST platform's types. The platform is
# installed offline (no AWS account or network needed) the first time, into .sst/.
set -euo pipefail
cd "$(dirname "$0")/../.."

bash scripts/install-sst-platform.sh
npx tsc --noEmit -p tsconfig.sst.json
echo "sst.config.ts and infra/ type-check."
