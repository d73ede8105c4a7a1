/**
 * `npm run bench:visits`: throughput and latency of counted page views (/) against the
 * same page rendered for a crawler, on the same `npm start` server, in one run. A bot's
 * view of / renders everything a visitor's does (the portfolio, the nonce, the count and
 * the 30-day chart, read from DynamoDB) but counts nothing, so the ratio isolates what
 * counting costs. Checks afterwards that every request sent as a visitor was counted
 * exactly once, and that the bots' were not counted at all.
 */
import { cpus } from "node:os";
import { runLoadProcess } from "./load-process";
import { BOT_AGENT, settledViews, totalViews } from "./site-client";
import { startSite } from "./site-server";

const DURATION_S = Number(process.env.BENCH_DURATION ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
const VISITORS = 1_000;

type Run = { name: string; rps: number; p50: number; p99: number; ok: number; sent: number; failed: number };

async function measure(name: string, url: string, asBot: boolean): Promise<Run> {
  // A thousand distinct browsers, so views spread over visitors as on a real site.
  const result = await runLoadProcess({
    url,
    path: "/",
    asBot,
    connections: CONNECTIONS,
    duration: DURATION_S,
    firstVisitor: 0,
    visitors: VISITORS,
  });
  const ok = result["2xx"];
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
  // Warm up both (first renders compile and fill caches).
  for (let i = 0; i < 20; i++)
    await Promise.all([fetch(site.url), fetch(site.url, { headers: { "user-agent": BOT_AGENT } })]);
  const before = await totalViews(site.url);
  const counted = await measure("counted view   GET / as a visitor", site.url, false);
  const after = await settledViews(site.url);
  const uncounted = await measure("uncounted view GET / as a bot    ", site.url, true);
  const afterBots = await settledViews(site.url);

  console.log(
    `${DURATION_S} s per run, ${CONNECTIONS} connections, ${cpus().length} × ${cpus()[0]?.model ?? "CPU"}`,
  );
  for (const run of [counted, uncounted]) {
    console.log(
      `${run.name}  ${run.rps.toFixed(0).padStart(6)} req/s  p50 ${run.p50} ms  p99 ${run.p99} ms  ok ${run.ok}  failed ${run.failed}`,
    );
  }
  const exact = after - before === counted.sent;
  console.log(
    `views counted: ${after - before} for ${counted.sent} requests sent (${exact ? "exact" : "MISMATCH"})`,
  );
  console.log(`views counted while bots read: ${afterBots - after} (expected 0)`);
  console.log(`ratio counted/uncounted throughput: ${(counted.rps / uncounted.rps).toFixed(2)}`);
  if (!exact || afterBots !== after) process.exitCode = 1;
} finally {
  await site.stop();
}
