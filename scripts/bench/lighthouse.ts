/**
 * `npm run bench:lighthouse [-- --runs N] [-- --url http://…]`: Lighthouse's mobile
 * preset (its default: emulated phone, simulated slow 4G and 4× CPU slowdown) against
 * the production build, in Debian's Chromium. Prints each category's score (the median
 * over the runs) and the JavaScript the first load of / downloads.
 *
 * Without --url it starts `npm start` itself on a free port, with a throwaway data
 * folder, and stops it afterwards. A benchmark, not a test: scores vary with the
 * machine's load, so it reports medians and exits 1 only when a median misses its target.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { CHROMIUM_ARGS } from "../../e2e/browser";
import { type FirstLoadJs, firstLoadJs, median, metricsLine } from "./lighthouse-report";
import { startSite } from "./start-site";

const TARGETS = { performance: 100, accessibility: 100, "best-practices": 100, seo: 100 } as const;
type Category = keyof typeof TARGETS;
const CATEGORIES = Object.keys(TARGETS) as Category[];

const { values } = parseArgs({
  options: { runs: { type: "string", default: "5" }, url: { type: "string" } },
});
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) throw new Error("--runs takes a whole number, 1 or more");

const dataDir = mkdtempSync(path.join(tmpdir(), "portfolio-bench-"));
const site = values.url ? undefined : await startSite(dataDir);
const url = values.url ?? site?.url ?? "";
// Lighthouse's default launcher flags plus the ones this machine needs (e2e/browser.ts).
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROME_PATH ?? "/usr/bin/chromium",
  chromeFlags: ["--headless", ...CHROMIUM_ARGS],
});

const scores: Record<Category, number[]> = {
  performance: [],
  accessibility: [],
  "best-practices": [],
  seo: [],
};
let js: FirstLoadJs | undefined;
try {
  // One unmeasured load first, so the server has compiled nothing lazily when measured.
  await fetch(url);
  for (let run = 1; run <= runs; run++) {
    const result = await lighthouse(url, {
      port: chrome.port,
      logLevel: "error",
      onlyCategories: CATEGORIES,
    });
    if (!result) throw new Error("Lighthouse returned no result");
    const { lhr } = result;
    if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.message}`);
    const line = CATEGORIES.map((category) => {
      const score = Math.round((lhr.categories[category]?.score ?? 0) * 100);
      scores[category].push(score);
      return `${category} ${score}`;
    });
    console.log(`run ${run}/${runs}: ${line.join(", ")}  (${metricsLine(lhr)})`);
    js ??= firstLoadJs(lhr);
  }
} finally {
  chrome.kill();
  await site?.stop();
  rmSync(dataDir, { recursive: true, force: true });
}

console.log(`\nLighthouse ${runs === 1 ? "scores" : `medians of ${runs} runs`} (mobile preset) for ${url}`);
let missed = false;
for (const category of CATEGORIES) {
  const score = median(scores[category]);
  const ok = score >= TARGETS[category];
  missed ||= !ok;
  console.log(
    `  ${ok ? "✓" : "✗"} ${category.padEnd(15)} ${String(score).padStart(3)}  (target ≥ ${TARGETS[category]})`,
  );
}
if (js) {
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
  console.log(
    `\nFirst-load JS of /: ${kb(js.transferBytes)} compressed, ${kb(js.resourceBytes)} uncompressed, in ${js.files} files`,
  );
}
process.exitCode = missed ? 1 : 0;
