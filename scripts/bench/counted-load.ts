/**
 * A fixed number of counted page views, each from a distinct visitor (and address), at a fixed
 * concurrency: the reliability test and `npm run bench:load` both check that the
 * totals rise by exactly the number of views (nothing lost, nothing doubled).
 */
import { runAddressLoadProcess } from "./load-process";
import { browserAgent, settledViews, visitSummary } from "./site-client";

const WARM_UP_VIEWS = 20;

export type CountedLoad = {
  views: number;
  connections: number;
  seconds: number;
  viewsPerSecond: number;
  p50: number;
  p99: number;
  /** Non-2xx answers, socket errors and client timeouts. */
  errors: number;
  addedViews: number;
  addedUniques: number;
};

// Summed over the 30 days the summary carries, so a run across midnight still adds up.
const uniquesIn = (summary: Awaited<ReturnType<typeof visitSummary>>) =>
  summary.history.reduce((sum, day) => sum + day.uniques, 0);

export async function runCountedLoad(url: string, views: number, connections: number): Promise<CountedLoad> {
  // A cold server's first burst (module loading, first renders) lags its event loop past
  // the SDK's 1 s connect timeout: warm it as any deployment's health check would.
  for (let i = 0; i < WARM_UP_VIEWS; i++)
    await fetch(url, { headers: { "user-agent": browserAgent(-1 - i) } });
  const before = await visitSummary(url);
  // Each visitor from an address of its own: the per-address cap must not apply.
  const result = await runAddressLoadProcess({
    url,
    path: "/",
    connections,
    amount: views,
    firstVisitor: 1_000_000,
  });
  const addedViews = (await settledViews(url)) - before.total;
  const addedUniques = uniquesIn(await visitSummary(url)) - uniquesIn(before);
  return {
    views,
    connections,
    seconds: result.duration,
    viewsPerSecond: result.ok / result.duration,
    p50: result.p50,
    p99: result.p99,
    errors: result.errors + result.non2xx,
    addedViews,
    addedUniques,
  };
}

export function describeLoad(run: CountedLoad): string {
  return [
    `${run.views} views at concurrency ${run.connections} in ${run.seconds.toFixed(1)} s:`,
    `${run.viewsPerSecond.toFixed(1)} views/s, p50 ${run.p50} ms, p99 ${run.p99} ms, errors ${run.errors};`,
    `total +${run.addedViews}, uniques +${run.addedUniques}`,
  ].join(" ");
}
