/**
 * `npm run bench:warm`: what a warm Lambda instance spends on each view of `/`, the site's
 * OpenNext server function against the minimal counted app (coldstart-template/, built
 * with the same OpenNext options), in one run. Each app runs in its own process
 * (warm-probe.mjs), as one Lambda instance: after a warm-up, the parent asks the two for
 * batches of invocations in turn, so drifting machine load falls on both alike. Every
 * invocation is a distinct visitor, and each must have been counted and shown: the count
 * a page shows must be one more than the page before it showed.
 */
import { type ChildProcess, fork } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import buildBundle, { BUNDLE_DIR } from "../../test/lambda/build-bundle";
import { functionUrlEvent } from "../../test/lambda/function-url-event";
import { startLocalAws } from "../local-aws/stack";
import { BASELINE_BUNDLE_DIR, buildBaseline } from "./coldstart-baseline";
import { median, percentile } from "./stats";

const WARMUP = Number(process.env.BENCH_WARMUP ?? 60);
const INVOCATIONS = Number(process.env.BENCH_INVOCATIONS ?? 300);
const BATCH = 20;
const PROBE = path.join(import.meta.dirname, "warm-probe.mjs");

type Sample = { ms: number; status: number; bytes: number; flightBytes: number; shown: number | null };
type Probe = { name: string; child: ChildProcess; samples: Sample[]; nextVisitor: number };

function startProbe(name: string, bundleDir: string, env: Record<string, string>, countPattern: RegExp) {
  const child = fork(PROBE, [bundleDir], {
    // Plain node: the parent's TypeScript loader would hook every import the probe makes.
    execArgv: [],
    env: {
      ...process.env,
      ...env,
      WARM_EVENT: JSON.stringify(functionUrlEvent("GET", "/")),
      COUNT_PATTERN: countPattern.source,
    },
    stdio: ["ignore", "ignore", "inherit", "ipc"],
  });
  const ready = new Promise<void>((resolve, reject) => {
    child.once("message", () => resolve());
    child.once("exit", (code) => reject(new Error(`${name}: the probe exited with ${code}`)));
  });
  // Visitors of the two apps never overlap (they write to one table).
  const probe: Probe = { name, child, samples: [], nextVisitor: name === "site" ? 0 : 1 << 22 };
  return { probe, ready };
}

function runBatch(probe: Probe, count: number): Promise<Sample[]> {
  const firstVisitor = probe.nextVisitor;
  probe.nextVisitor += count;
  return new Promise((resolve) => {
    probe.child.once("message", (message: { samples: Sample[] }) => resolve(message.samples));
    probe.child.send({ count, firstVisitor });
  });
}

/** Every view answered 200 and showed a count one above the view before it. */
function checkCounted(probe: Probe, samples: Sample[]): void {
  for (const [i, sample] of samples.entries()) {
    if (sample.status !== 200) throw new Error(`${probe.name}: / answered ${sample.status}`);
    if (sample.shown === null) throw new Error(`${probe.name}: the page showed no count`);
    const before = samples[i - 1]?.shown;
    if (before != null && sample.shown !== before + 1)
      throw new Error(`${probe.name}: the count went from ${before} to ${sample.shown} in one view`);
  }
}

buildBundle();
buildBaseline();
const dataDir = mkdtempSync(path.join(tmpdir(), "portfolio-warm-"));
const stack = await startLocalAws({ dataDir });
const probes: Probe[] = [];
try {
  const table = (JSON.parse(stack.env.SST_RESOURCE_Visits ?? "{}") as { name: string }).name;
  // As deployed: the site trusts CloudFront's viewer address only on Lambda.
  const site = startProbe(
    "site",
    BUNDLE_DIR,
    { ...stack.env, AWS_LAMBDA_FUNCTION_NAME: "serverless-portfolio-bench-SiteServer" },
    /data-testid="visitor-count"[^>]*><data value="(\d+)">/,
  );
  const baseline = startProbe(
    "baseline",
    BASELINE_BUNDLE_DIR,
    { ...stack.env, VISITS_TABLE: table },
    /Views: (\d+)/,
  );
  probes.push(site.probe, baseline.probe);
  await Promise.all([site.ready, baseline.ready]);

  const warmup = new Map<Probe, Sample[]>(probes.map((probe) => [probe, []]));
  for (let done = 0; done < WARMUP; done += BATCH)
    for (const probe of probes)
      warmup.get(probe)!.push(...(await runBatch(probe, Math.min(BATCH, WARMUP - done))));
  for (let done = 0, round = 0; done < INVOCATIONS; done += BATCH, round++) {
    // Alternating, and which goes first alternates too.
    for (const probe of round % 2 === 0 ? probes : [...probes].reverse())
      probe.samples.push(...(await runBatch(probe, Math.min(BATCH, INVOCATIONS - done))));
  }
  for (const probe of probes) checkCounted(probe, [...warmup.get(probe)!, ...probe.samples]);

  console.log(
    `${WARMUP} warm-up invocations, then ${INVOCATIONS} each in alternating batches of ${BATCH}; every one a distinct, counted visitor`,
  );
  console.log("app        median ms  p90 ms  HTML KB  (of which flight KB)");
  for (const probe of probes) {
    const times = probe.samples.map((s) => s.ms);
    const last = probe.samples.at(-1)!;
    console.log(
      `${probe.name.padEnd(8)}  ${median(times).toFixed(1).padStart(9)}  ${percentile(times, 0.9).toFixed(1).padStart(6)}  ${(last.bytes / 1024).toFixed(1).padStart(7)}  ${(last.flightBytes / 1024).toFixed(1).padStart(20)}`,
    );
  }
  const [siteTimes, baselineTimes] = probes.map((probe) => probe.samples.map((s) => s.ms)) as [
    number[],
    number[],
  ];
  console.log(
    `ratio site/baseline warm / (median): ${(median(siteTimes) / median(baselineTimes)).toFixed(2)}`,
  );
} finally {
  for (const probe of probes) probe.child.disconnect();
  await stack.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
