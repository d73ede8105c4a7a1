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
import { median } from "./stats";

const DURATION_S = Number(process.env.BENCH_DURATION ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 4);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
const VISITORS = 1_000;

type Run = { rps: number; p50: number; p99: number; ok: number; sent: number; failed: number };

async function measure(url: string, asBot: boolean, firstVisitor: number): Promise<Run> {
  // A thousand distinct browsers per round, so views spread over visitors as on a real site.
  const result = await runLoadProcess({
    url,
    path: "/",
    asBot,
    connections: CONNECTIONS,
    duration: DURATION_S,
    firstVisitor,
    visitors: VISITORS,
  });
  const ok = result["2xx"];
  return {
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

function summary(name: string, runs: Run[]): string {
  const sum = (key: "ok" | "failed") => runs.reduce((total, run) => total + run[key], 0);
  return `${name}  ${median(runs.map((r) => r.rps))
    .toFixed(0)
    .padStart(
      4,
    )} req/s  p50 ${median(runs.map((r) => r.p50))} ms  p99 ${median(runs.map((r) => r.p99))} ms  ok ${sum("ok")}  failed ${sum("failed")}`;
}

const site = await startSite();
try {
  // Warm up both (first renders compile and fill caches).
  for (let i = 0; i < 20; i++)
    await Promise.all([fetch(site.url), fetch(site.url, { headers: { "user-agent": BOT_AGENT } })]);
  const counted: Run[] = [];
  const bots: Run[] = [];
  let countedSent = 0;
  let countedByBots = 0;
  const before = await totalViews(site.url);
  // Short runs in turn, which goes first alternating, so the machine's drifting load
  // falls on both alike; each ratio is of one round, and the median is reported.
  for (let round = 0; round < ROUNDS; round++) {
    for (const asBot of round % 2 === 0 ? [false, true] : [true, false]) {
      if (!asBot) {
        const run = await measure(site.url, false, round * VISITORS);
        counted.push(run);
        countedSent += run.sent;
        continue;
      }
      const settled = await settledViews(site.url);
      bots.push(await measure(site.url, true, 0));
      countedByBots += (await settledViews(site.url)) - settled;
    }
  }
  const after = await settledViews(site.url);

  console.log(
    `${ROUNDS} rounds of ${DURATION_S} s each, ${CONNECTIONS} connections, ${cpus().length} × ${cpus()[0]?.model ?? "CPU"}; medians over rounds`,
  );
  console.log(summary("counted view   GET / as a visitor", counted));
  console.log(summary("uncounted view GET / as a bot    ", bots));
  const exact = after - before === countedSent;
  console.log(
    `views counted: ${after - before} for ${countedSent} requests sent as visitors (${exact ? "exact" : "MISMATCH"}), ${countedByBots} while bots read`,
  );
  const ratios = counted.map((run, i) => run.rps / bots[i]!.rps);
  console.log(`ratio counted/uncounted throughput: ${median(ratios).toFixed(2)}`);
  if (!exact || countedByBots !== 0) process.exitCode = 1;
} finally {
  await site.stop();
}
