import "server-only";
import { headers } from "next/headers";
import { cache } from "react";
import type { MetricValues } from "./metrics";
import { observeRequest } from "./observe-request";
import { type RecordedView, readVisitSummary, recordVisit, type VisitSummary } from "./visits";
import { METHOD_HEADER } from "./visitor-request";

export type PageVisit = { status: "ok"; summary: VisitSummary } | { status: "unavailable" };

/**
 * Counts the current page request (if it is a human visit) and reads the totals.
 * React's cache() scopes this to one server render: however many components ask,
 * a request counts once. A failing counter never breaks the page.
 *
 * The log line and CounterLatency cover the counting and reading, the part of the
 * render that is ours: a server component cannot see when Next finishes the response.
 */
export const countPageVisit = cache(async (): Promise<PageVisit> => {
  const requestHeaders = await headers();
  const finish = observeRequest("/", "CounterLatency", requestHeaders);
  let view: RecordedView | false | undefined; // undefined: the write itself failed
  try {
    view = await recordVisit({
      // proxy.ts passes the method on; without it (proxy not run) assume a page GET.
      method: requestHeaders.get(METHOD_HEADER) ?? "GET",
      headers: requestHeaders,
      behindCloudFront: process.env.AWS_LAMBDA_FUNCTION_NAME !== undefined,
    });
    const summary = await readVisitSummary();
    finish({
      outcome: view ? "counted" : "not-counted",
      metrics: { ...viewMetrics(view), CounterErrors: 0 },
    });
    return { status: "ok", summary };
  } catch (error) {
    console.error("[visits] counter unavailable:", error);
    // A view recorded before the read failed still counted.
    finish({ outcome: "error", metrics: { ...viewMetrics(view), CounterErrors: 1 } });
    return { status: "unavailable" };
  }
});

function viewMetrics(view: RecordedView | false | undefined): MetricValues {
  if (view === undefined) return {};
  return { Visits: view ? 1 : 0, UniqueVisitors: view && view.newVisitor ? 1 : 0 };
}
