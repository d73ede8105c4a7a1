/**
 * A fixed number of counted page views, each from a distinct visitor, at a fixed
 * concurrency: the reliability test and `npm run bench:load` both check that the
 * totals rise by exactly the number of views (nothing lost, nothing doubled).
 */
import autocannon from "autocannon";
import { browserAgent, settledViews, visitSummary } from "./site-client";

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
  const before = await visitSummary(url);
  let n = 0;
  const result = await autocannon({
    url,
    connections,
    amount: views,
    // Locally the client IP is the socket's (127.0.0.1) for all: the user agent makes the visitor.
    requests: [
      {
        method: "GET",
        path: "/",
        setupRequest: (request) => ({
          ...request,
          headers: { ...request.headers, "user-agent": browserAgent(1_000_000 + n++) },
        }),
      },
    ],
  });
  const addedViews = (await settledViews(url)) - before.total;
  const addedUniques = uniquesIn(await visitSummary(url)) - uniquesIn(before);
  return {
    views,
    connections,
    seconds: result.duration,
    viewsPerSecond: result["2xx"] / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
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
