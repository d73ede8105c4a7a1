import "server-only";
import { headers } from "next/headers";
import { cache } from "react";
import type { MetricValues } from "./metrics";
import { observeRequest } from "./observe-request";
import { type RecordedView, recordVisitAndRead, type VisitSummary } from "./visits";
import { METHOD_HEADER } from "./visitor-request";

export type PageVisit = { status: "ok"; summary: VisitSummary } | { status: "unavailable" };

/**
 * Counts the current page request (if it is a human visit) and reads the totals.
 * React's cache() scopes this to one server render: however many components ask,
 * a request counts once. A failing counter never breaks the page; its error
 * is logged, never thrown.
 *
 * The log line and CounterLatency cover the counting and reading, the part of the
 * render that is ours: a server component cannot see when Next finishes the response.
 */
export const countPageVisit = cache(async (): Promise<PageVisit> => {
  const requestHeaders = await headers();
  const finish = observeRequest("/", "CounterLatency", requestHeaders);
  const { view, summary, error } = await recordVisitAndRead({
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
 * Starts counting the visit without waiting for it (React's preload pattern): called at
 * the top of the page, the DynamoDB round trip runs while React renders the sections
 * above the counter, and the counter later awaits the same cached call.
 */
export function preloadPageVisit(): void {
  void countPageVisit();
}

function viewMetrics(view: RecordedView | false | undefined): MetricValues {
  if (view === undefined) return {};
  return { Visits: view ? 1 : 0, UniqueVisitors: view && view.newVisitor ? 1 : 0 };
}
