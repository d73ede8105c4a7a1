import { randomUUID } from "node:crypto";

// The Lambda invocation's own id (context.awsRequestId) never reaches Next: OpenNext's
// handler does not pass the Lambda context on, and its function-URL converter keeps only
// the event's headers (not requestContext.requestId). What does arrive is the trace
// header the function URL adds, `x-amzn-trace-id: Root=1-<8 hex>-<24 hex>;…`, the same
// id X-Ray and the function's platform logs carry. Anything else, or nothing (locally),
// gets a fresh UUID. Only that exact shape is accepted, so a client cannot put arbitrary
// text into the logs through this header.
const TRACE_ROOT = /(?:^|;)\s*Root=(1-[0-9a-f]{8}-[0-9a-f]{24})(?:;|$)/;

type HeaderSource = { get(name: string): string | null };

/** An id for this request's log line: the trace root on AWS, otherwise a new UUID. */
export function requestIdFrom(headers: HeaderSource): string {
  return TRACE_ROOT.exec(headers.get("x-amzn-trace-id") ?? "")?.[1] ?? randomUUID();
}
