/**
 * Builds the baseline (coldstart-template/) with OpenNext, in `.bench/` inside this repo
 * so that it resolves this repo's node_modules (same next, react and SDK) with no
 * install; rebuilt only when the template or the site's OpenNext config changes. It is
 * built with the site's own `open-next.config.ts` (minification, the lite cache
 * clients), copied in, so that a comparison with the site compares code, not build flags.
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, existsSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

const TEMPLATE = path.join(import.meta.dirname, "coldstart-template");
const OPEN_NEXT_CONFIG = path.resolve("open-next.config.ts");
const APP_DIR = path.resolve(".bench/coldstart-baseline");
export const BASELINE_BUNDLE_DIR = path.join(APP_DIR, ".open-next/server-functions/default");

function templateHash(): string {
  const hash = createHash("sha256");
  for (const file of readdirSync(TEMPLATE, { recursive: true, encoding: "utf8" }).sort()) {
    const full = path.join(TEMPLATE, file);
    if (statSync(full).isFile()) hash.update(file).update(readFileSync(full));
  }
  hash.update("open-next.config.ts").update(readFileSync(OPEN_NEXT_CONFIG));
  return hash.digest("hex");
}

export function buildBaseline(): void {
  const stamp = path.join(APP_DIR, "template-hash");
  const hash = templateHash();
  if (existsSync(path.join(BASELINE_BUNDLE_DIR, "index.mjs")) && readFileSync(stamp, "utf8") === hash) return;
  rmSync(APP_DIR, { recursive: true, force: true });
  cpSync(TEMPLATE, APP_DIR, { recursive: true });
  cpSync(OPEN_NEXT_CONFIG, path.join(APP_DIR, "open-next.config.ts"));
  console.error("Building the cold-start baseline with OpenNext…");
  const result = spawnSync(path.resolve("node_modules/.bin/open-next"), ["build"], {
    cwd: APP_DIR,
    encoding: "utf8",
    env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true" },
  });
  if (result.status !== 0) throw new Error(`baseline build failed:\n${result.stdout}\n${result.stderr}`);
  writeFileSync(stamp, hash);
}
