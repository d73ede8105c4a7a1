// A page request's visit: counted if it is one, with the summary read beside the writes,
// once per render.
import "server-only";
import { headers } from "next/headers";
import { cache } from "react";
import type { MetricValues } from "../observability/metrics";
import { viewSource } from "../insights/view-source";
import { observeRequest } from "../observability/request-log";
import { METHOD_HEADER } from "../request-headers";
import { lastDays, newestOf, noteWrite, readRecentShards, summarize, type VisitSummary } from "./reads";
import { dailyVisitor } from "./salt";
import { classifyVisit, type VisitRequest } from "./visitor";
import { type RecordedView, recordView } from "./writes";

/**
 * What a page request did. `view`: whether it counted (false: not a visit) and whether it
 * was the visitor's first of the UTC day; undefined when the write failed. `summary`:
 * undefined when anything failed, with `error` saying what.
 */
export type PageVisit = {
  view?: { newVisitor: boolean; capped: boolean } | false;
  summary?: VisitSummary;
  error?: unknown;
};

/**
 * Records the request as a view if it is a human visit, and reads the summary in the
 * same round trip (or reuses this instance's read of the last second, readRecentShards).
 * The read runs beside the writes, so for the shard this view went to it may or may not
 * see them; the writes return that shard's items as they left them, and the newer of
 * the two is kept: the summary always includes this view, and the views this instance
 * counted before it.
 */
export async function recordPageVisit(request: VisitRequest, now = new Date()): Promise<PageVisit> {
  const days = lastDays(now);
  const [recorded, read] = await Promise.allSettled([
    recordIfVisit(request, now),
    readRecentShards(days, now.getTime()),
  ]);
  if (recorded.status === "rejected") return { error: recorded.reason };
  const written = recorded.value;
  const view = written && { newVisitor: written.newVisitor, capped: written.capped };
  if (read.status === "rejected") return { view, error: read.reason };
  const shards = read.value;
  if (written) {
    shards[written.shard] = newestOf(shards[written.shard], written.counts);
    noteWrite(written.shard, written.counts);
  }
  return { view, summary: summarize(days, shards) };
}

async function recordIfVisit(request: VisitRequest, now: Date): Promise<RecordedView | false> {
  const verdict = classifyVisit(request);
  if (!verdict.count) return false;
  // Started first: a tag new to this instance is checked while the salt and writes go out.
  const origin = viewSource(request.headers, request.behindCloudFront);
  return recordView(await dailyVisitor(verdict.clientIp, verdict.userAgent, now), origin);
}

/** What the counter shows for this render. */
export type VisitorCountState = { status: "ok"; summary: VisitSummary } | { status: "unavailable" };

/**
 * Records the current page request (if it is a human visit) and reads the totals.
 * React's cache() scopes this to one server render: however many components ask,
 * a request counts once. A failing counter never breaks the page; its error
 * is logged, never thrown.
 *
 * The log line and CounterLatency cover the counting and reading, the part of the
 * render that is ours: a server component cannot see when Next finishes the response.
 */
export const recordCurrentPageVisit = cache(async (): Promise<VisitorCountState> => {
  const requestHeaders = await headers();
  const finish = observeRequest("/", "CounterLatency", requestHeaders);
  const { view, summary, error } = await recordPageVisit({
    // proxy.ts passes the method on; without it (proxy not run) assume a page GET.
    method: requestHeaders.get(METHOD_HEADER) ?? "GET",
    headers: requestHeaders,
    behindCloudFront: process.env.AWS_LAMBDA_FUNCTION_NAME !== undefined,
  });
  if (!summary) {
    console.error("[visits] counter unavailable:", error);
    // A view recorded before the read failed still counted.
    finish({ outcome: "error", metrics: { ...viewMetrics(view), CounterErrors: 1 } });
    return { status: "unavailable" };
  }
  finish({ outcome: view ? "counted" : "not-counted", metrics: { ...viewMetrics(view), CounterErrors: 0 } });
  return { status: "ok", summary };
});

/**
 * Starts recording the visit without waiting for it (React's preload pattern): called at
 * the top of the page, the DynamoDB round trip runs while React renders the sections
 * above the counter, and the counter later awaits the same cached call.
 */
export function preloadCurrentPageVisit(): void {
  void recordCurrentPageVisit();
}

function viewMetrics(view: PageVisit["view"]): MetricValues {
  if (view === undefined) return {};
  return {
    Visits: view ? 1 : 0,
    UniqueVisitors: view && view.newVisitor ? 1 : 0,
    UniquesCapped: view && view.capped ? 1 : 0,
  };
}
