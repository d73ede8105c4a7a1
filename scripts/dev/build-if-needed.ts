import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

// Everything that changes what `next build` produces.
const INPUTS = [
  "app",
  "components",
  "lib",
  "pages",
  "public",
  "next.config.js",
  "proxy.ts",
  "open-next.config.ts",
  "package-lock.json",
  "tsconfig.json",
];
const STAMP = path.join(".next", "source-hash");

/** Hashes the build inputs' paths and contents. */
export function sourceHash(root = "."): string {
  const hash = createHash("sha256");
  const visit = (file: string) => {
    if (!existsSync(file)) return;
    if (statSync(file).isDirectory()) {
      for (const entry of readdirSync(file).sort()) visit(path.join(file, entry));
      return;
    }
    hash.update(file).update("\0").update(readFileSync(file)).update("\0");
  };
  for (const input of INPUTS) visit(path.join(root, input));
  return hash.digest("hex");
}

/** Runs `next build` unless the last production build came from the same sources. */
export function buildIfNeeded(): void {
  const hash = sourceHash();
  const built = existsSync(path.join(".next", "BUILD_ID")) && existsSync(STAMP);
  if (built && readFileSync(STAMP, "utf8") === hash) return;
  console.error("Building the site (sources changed since the last build)…");
  const result = spawnSync(path.join("node_modules", ".bin", "next"), ["build"], { stdio: "inherit" });
  if (result.status !== 0) process.exit(result.status ?? 1);
  writeFileSync(STAMP, hash);
}
