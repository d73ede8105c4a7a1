/** Prints test counts per layer from the Vitest and Playwright JSON reports, then one total line. */
import { readFileSync } from "node:fs";
import path from "node:path";

type VitestReport = {
  testResults: { name: string; assertionResults: { status: string }[] }[];
};
type PlaywrightSuite = { specs: { tests: { status: string }[] }[]; suites?: PlaywrightSuite[] };

const dir = process.argv[2] ?? ".test-reports";
const layers = new Map<string, { passed: number; failed: number }>();
const add = (layer: string, ok: boolean) => {
  const counts = layers.get(layer) ?? { passed: 0, failed: 0 };
  counts[ok ? "passed" : "failed"]++;
  layers.set(layer, counts);
};

const vitest = JSON.parse(readFileSync(path.join(dir, "vitest.json"), "utf8")) as VitestReport;
for (const file of vitest.testResults) {
  const layer = file.name.includes("/test/lambda/")
    ? "Lambda contract"
    : file.name.includes("/test/reliability/")
      ? "reliability"
      : file.name.includes("/test/infra/")
        ? "infrastructure"
        : file.name.endsWith(".int.test.ts")
          ? "integration"
          : "unit";
  for (const test of file.assertionResults)
    if (test.status !== "skipped") add(layer, test.status === "passed");
}

const playwright = JSON.parse(readFileSync(path.join(dir, "playwright.json"), "utf8")) as {
  suites: PlaywrightSuite[];
};
const walk = (suite: PlaywrightSuite): void => {
  for (const spec of suite.specs)
    for (const test of spec.tests) add("end to end", test.status === "expected");
  suite.suites?.forEach(walk);
};
playwright.suites.forEach(walk);

let passed = 0;
let failed = 0;
for (const [layer, counts] of layers) {
  console.log(`${layer.padEnd(16)} ${counts.passed} passed, ${counts.failed} failed`);
  passed += counts.passed;
  failed += counts.failed;
}
console.log(`${passed} passed, ${failed} failed`);
if (failed > 0) process.exitCode = 1;
