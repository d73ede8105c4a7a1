/**
 * `npm run bench:coldstart`: a Lambda cold start of the site's OpenNext server function
 * against a minimal OpenNext app that counts views naively (coldstart-template/), in
 * the same run. Each sample is a fresh Node process (coldstart-probe.mjs) that imports
 * the handler, then serves `/` twice against the local DynamoDB. Prints medians, where
 * the first request's time goes, the bundles' sizes, and the ratio last.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import buildBundle, { BUNDLE_DIR } from "../../test/lambda/build-bundle";
import { functionUrlEvent } from "../../test/lambda/function-url-event";
import { startLocalAws } from "../local-aws/stack";
import { counterStatus } from "./site-client";
import { BASELINE_BUNDLE_DIR, buildBaseline } from "./coldstart-baseline";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 11);
const PROBE = path.join(import.meta.dirname, "coldstart-probe.mjs");

type Sample = {
  importMs: number;
  firstMs: number;
  firstHttpMs: number;
  warmMs: number;
  status: number;
  body: string;
};

async function probe(bundleDir: string, env: Record<string, string>): Promise<Sample> {
  const { stdout } = await promisify(execFile)(process.execPath, [PROBE, bundleDir], {
    env: { ...process.env, ...env, COLDSTART_EVENT: JSON.stringify(functionUrlEvent("GET", "/")) },
    maxBuffer: 16 * 1024 * 1024,
  });
  const line = stdout.split("\n").findLast((text) => text.startsWith("COLDSTART "));
  if (!line) throw new Error(`no result from the probe:\n${stdout.slice(-2000)}`);
  return JSON.parse(line.slice("COLDSTART ".length)) as Sample;
}

function sizeMb(dir: string): number {
  let bytes = 0;
  for (const file of readdirSync(dir, { recursive: true, encoding: "utf8" })) {
    const stat = statSync(path.join(dir, file));
    if (stat.isFile()) bytes += stat.size;
  }
  return bytes / 1024 / 1024;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
const total = (sample: Sample) => sample.importMs + sample.firstMs;

buildBundle();
buildBaseline();
const dataDir = mkdtempSync(path.join(tmpdir(), "portfolio-coldstart-"));
const stack = await startLocalAws({ dataDir });
try {
  const table = (JSON.parse(stack.env.SST_RESOURCE_Visits ?? "{}") as { name: string }).name;
  // As deployed: the site trusts CloudFront's viewer address only on Lambda.
  const siteEnv = { ...stack.env, AWS_LAMBDA_FUNCTION_NAME: "serverless-portfolio-bench-SiteServer" };
  const baselineEnv = { ...stack.env, VISITS_TABLE: table };
  const site: Sample[] = [];
  const baseline: Sample[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    // Alternating, so drifting machine load falls on both alike.
    site.push(await probe(BUNDLE_DIR, siteEnv));
    baseline.push(await probe(BASELINE_BUNDLE_DIR, baselineEnv));
  }
  // A failed counter would render fast and prove nothing: both must have counted.
  if (site.some((s) => s.status !== 200 || counterStatus(s.body) !== "ok"))
    throw new Error("the site did not count");
  if (baseline.some((s) => s.status !== 200 || !/Views: \d+/.test(s.body)))
    throw new Error("the baseline did not count");

  console.log(`${ROUNDS} fresh processes each, alternating; medians in ms`);
  console.log("app        import  first /  (of which DynamoDB)  warm /  import+first  bundle MB");
  for (const [name, samples, dir] of [
    ["site    ", site, BUNDLE_DIR],
    ["baseline", baseline, BASELINE_BUNDLE_DIR],
  ] as const) {
    const cells = [
      median(samples.map((s) => s.importMs)),
      median(samples.map((s) => s.firstMs)),
      median(samples.map((s) => s.firstHttpMs)),
      median(samples.map((s) => s.warmMs)),
      median(samples.map(total)),
    ].map((ms) => ms.toFixed(0).padStart(7));
    console.log(`${name}  ${cells.join("  ")}  ${sizeMb(dir).toFixed(1).padStart(9)}`);
  }
  console.log(
    `ratio site/baseline cold start (import + first /): ${(median(site.map(total)) / median(baseline.map(total))).toFixed(2)}`,
  );
} finally {
  await stack.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
