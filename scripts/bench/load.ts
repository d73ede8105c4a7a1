/**
 * `npm run bench:load`: 10,000 counted views from distinct visitors at concurrency 100
 * against `npm start`'s server, checking the total rose by exactly that and no visitor
 * counted twice (the reliability test runs the same with fewer views). Last line:
 * counted/sent.
 */
import { describeLoad, runCountedLoad } from "./counted-load";
import { startSite } from "./site-server";

const VIEWS = Number(process.env.BENCH_LOAD_VIEWS ?? 10_000);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 100);

const site = await startSite();
try {
  const run = await runCountedLoad(site.url, VIEWS, CONNECTIONS);
  console.log(describeLoad(run));
  // Views must be exact. A unique may be dropped (a dedup write whose answer timed out
  // is not retried: docs/reliability.md) but never doubled.
  const exact = run.errors === 0 && run.addedViews === VIEWS && run.addedUniques <= VIEWS;
  console.log(
    `ratio counted/sent views: ${(run.addedViews / VIEWS).toFixed(4)} (${exact ? "exact" : "MISMATCH"}; ${VIEWS - run.addedUniques} uniques dropped)`,
  );
  if (!exact) process.exitCode = 1;
} finally {
  await site.stop();
}
