// No `import "server-only"`: the Pages API download route is observed too.
import { type MetricValues, publishMetrics } from "./metrics";
import { requestIdFrom } from "./request-id";
import { logRequest } from "./request-log";

export type RequestOutcome = { outcome: string; status?: number; metrics: MetricValues };

/**
 * Starts timing a request to the counter or the download. The returned function writes
 * the request's log line and its metrics (with the latency under `latencyMetric`); call
 * it once, when the outcome is known. Both are synchronous writes to stdout, queued by
 * Node: nothing waits for them.
 */
export function observeRequest(
  route: string,
  latencyMetric: "CounterLatency" | "DownloadLatency",
  headers: { get(name: string): string | null },
): (result: RequestOutcome) => void {
  const started = performance.now();
  const requestId = requestIdFrom(headers);
  return ({ outcome, status, metrics }) => {
    const latencyMs = Math.round((performance.now() - started) * 10) / 10;
    logRequest({ route, outcome, status, latencyMs, requestId });
    publishMetrics({ ...metrics, [latencyMetric]: latencyMs });
  };
}
