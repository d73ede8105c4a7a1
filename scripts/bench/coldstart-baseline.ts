/**
 * Builds the cold-start baseline (coldstart-template/) with OpenNext, in `.bench/` inside
 * this repo so that it resolves this repo's node_modules (same next, react and SDK) with
 * no install; rebuilt only when the template changes.
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, existsSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

const TEMPLATE = path.join(import.meta.dirname, "coldstart-template");
const APP_DIR = path.resolve(".bench/coldstart-baseline");
export const BASELINE_BUNDLE_DIR = path.join(APP_DIR, ".open-next/server-functions/default");

function templateHash(): string {
  const hash = createHash("sha256");
  for (const file of readdirSync(TEMPLATE, { recursive: true, encoding: "utf8" }).sort()) {
    const full = path.join(TEMPLATE, file);
    if (statSync(full).isFile()) hash.update(file).update(readFileSync(full));
  }
  return hash.digest("hex");
}

export function buildBaseline(): void {
  const stamp = path.join(APP_DIR, "template-hash");
  const hash = templateHash();
  if (existsSync(path.join(BASELINE_BUNDLE_DIR, "index.mjs")) && readFileSync(stamp, "utf8") === hash) return;
  rmSync(APP_DIR, { recursive: true, force: true });
  cpSync(TEMPLATE, APP_DIR, { recursive: true });
  console.error("Building the cold-start baseline with OpenNext…");
  const result = spawnSync(path.resolve("node_modules/.bin/open-next"), ["build"], {
    cwd: APP_DIR,
    encoding: "utf8",
    env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true" },
  });
  if (result.status !== 0) throw new Error(`baseline build failed:\n${result.stdout}\n${result.stderr}`);
  writeFileSync(stamp, hash);
}
