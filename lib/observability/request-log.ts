// One JSON log line and one EMF metrics line per request to the counter and the
// download. No `import "server-only"`: the Pages API download route is observed too (the
// lint rule keeps components/ away).
import { randomUUID } from "node:crypto";
import { Logger } from "@aws-lambda-powertools/logger";
import { type MetricValues, publishMetrics } from "./metrics";

// Powertools' logger: maintained by AWS for Lambda, one JSON object per line with level,
// timestamp and service, and (outside POWERTOOLS_DEV) written through its own Console on
// stdout, so Lambda's console prefix does not break the JSON. It needs no Lambda context,
// which Next never sees under OpenNext; each call passes its own keys, so concurrent
// requests under `next start` never share per-request state in the logger.
export const logger = new Logger({ serviceName: "portfolio" });

/**
 * One line per request. Deliberately no IP address, user agent or other header: the
 * visitor counter promises that neither is stored or logged (docs/visits.md).
 */
export type RequestLog = {
  route: string;
  outcome: string;
  /** HTTP status, where the code that logs decides it (a page render's is Next's). */
  status?: number;
  latencyMs: number;
  requestId: string;
};

function logRequest(entry: RequestLog): void {
  logger.info("request", entry);
}

type HeaderSource = { get(name: string): string | null };

// The Lambda invocation's own id (context.awsRequestId) never reaches Next: OpenNext's
// handler does not pass the Lambda context on, and its function-URL converter keeps only
// the event's headers (not requestContext.requestId). What does arrive is the trace
// header the function URL adds, `x-amzn-trace-id: Root=1-<8 hex>-<24 hex>;…`, the same
// id X-Ray and the function's platform logs carry. Anything else, or nothing (locally),
// gets a fresh UUID. Only that exact shape is accepted, so a client cannot put arbitrary
// text into the logs through this header.
const TRACE_ROOT = /(?:^|;)\s*Root=(1-[0-9a-f]{8}-[0-9a-f]{24})(?:;|$)/;

/** An id for this request's log line: the trace root on AWS, otherwise a new UUID. */
export function requestIdFrom(headers: HeaderSource): string {
  return TRACE_ROOT.exec(headers.get("x-amzn-trace-id") ?? "")?.[1] ?? randomUUID();
}

export type RequestOutcome = { outcome: string; status?: number; metrics: MetricValues };

/**
 * Starts timing a request to the counter or the download. The returned function writes
 * the request's log line and its metrics (with the latency under `latencyMetric`); call
 * it once, when the outcome is known. Both are synchronous writes to stdout, queued by
 * Node: nothing waits for them.
 */
export function observeRequest(
  route: string,
  latencyMetric: "CounterLatency" | "DownloadLatency" | "ContactLatency",
  headers: HeaderSource,
  /** The platform's own id when the code sees it (API Gateway's, for the contact function). */
  platformRequestId?: string,
): (result: RequestOutcome) => void {
  const started = performance.now();
  const requestId = platformRequestId ?? requestIdFrom(headers);
  return ({ outcome, status, metrics }) => {
    const latencyMs = Math.round((performance.now() - started) * 10) / 10;
    logRequest({ route, outcome, status, latencyMs, requestId });
    publishMetrics({ ...metrics, [latencyMetric]: latencyMs });
  };
}
