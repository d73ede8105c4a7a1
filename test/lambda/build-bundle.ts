import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { sourceHash } from "../../scripts/dev/build-if-needed";

export const BUNDLE_DIR = path.resolve(".open-next/server-functions/default");
const STAMP = path.resolve(".open-next/source-hash");

/**
 * Vitest global setup: builds the OpenNext bundle, the very artifact `sst deploy`
 * uploads to Lambda, unless the last build came from the same sources.
 */
export default function buildBundle(): void {
  const hash = sourceHash();
  if (
    existsSync(path.join(BUNDLE_DIR, "index.mjs")) &&
    existsSync(STAMP) &&
    readFileSync(STAMP, "utf8") === hash
  ) {
    return;
  }
  const started = Date.now();
  const result = spawnSync(path.resolve("node_modules/.bin/open-next"), ["build"], {
    encoding: "utf8",
    env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true" },
  });
  if (result.status !== 0) {
    throw new Error(`open-next build failed:\n${result.stdout}\n${result.stderr}`);
  }
  writeFileSync(STAMP, hash);
  console.log(`OpenNext bundle built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
