/**
 * `npm run bench:visits`: throughput and latency of counted page views (/) against an
 * uncounted page on the same `npm start` server, in one run. The uncounted page is the
 * not-found page: same layout, proxy and per-request render (every page renders per
 * request for its CSP nonce), no DynamoDB. Checks afterwards that every request sent
 * to / was counted exactly once.
 */
import { cpus } from "node:os";
import { runLoadProcess } from "./load-process";
import { settledViews, totalViews } from "./site-client";
import { startSite } from "./site-server";

const DURATION_S = Number(process.env.BENCH_DURATION ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
const VISITORS = 1_000;

type Run = { name: string; rps: number; p50: number; p99: number; ok: number; sent: number; failed: number };

async function measure(name: string, url: string, path: string, expectStatus: number): Promise<Run> {
  // A thousand distinct browsers, so views spread over visitors as on a real site.
  const result = await runLoadProcess({
    url,
    path,
    connections: CONNECTIONS,
    duration: DURATION_S,
    firstVisitor: 0,
    visitors: VISITORS,
  });
  const ok = expectStatus === 200 ? result["2xx"] : result["4xx"];
  return {
    name,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    ok,
    // Requests still in flight when the run ends are abandoned by the client but
    // still served (and counted) by the site.
    sent: result.requests.sent,
    failed: result.errors + result.timeouts + (result.requests.total - ok),
  };
}

const site = await startSite();
try {
  // Warm up both paths (first renders compile and fill caches).
  for (let i = 0; i < 20; i++) await Promise.all([fetch(site.url), fetch(`${site.url}/bench-uncounted-404`)]);
  const before = await totalViews(site.url);
  const counted = await measure("counted page view  GET /", site.url, "/", 200);
  const after = await settledViews(site.url);
  const uncountedPage = await measure("uncounted page     GET /<404>", site.url, "/bench-uncounted-404", 404);

  console.log(
    `${DURATION_S} s per run, ${CONNECTIONS} connections, ${cpus().length} × ${cpus()[0]?.model ?? "CPU"}`,
  );
  for (const run of [counted, uncountedPage]) {
    console.log(
      `${run.name}  ${run.rps.toFixed(0).padStart(6)} req/s  p50 ${run.p50} ms  p99 ${run.p99} ms  ok ${run.ok}  failed ${run.failed}`,
    );
  }
  const exact = after - before === counted.sent;
  console.log(
    `views counted: ${after - before} for ${counted.sent} requests sent (${exact ? "exact" : "MISMATCH"})`,
  );
  console.log(`ratio counted/uncounted throughput: ${(counted.rps / uncountedPage.rps).toFixed(2)}`);
  if (!exact) process.exitCode = 1;
} finally {
  await site.stop();
}
