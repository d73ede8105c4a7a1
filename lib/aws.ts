// What the DynamoDB and S3 clients share (lib/visits/table.ts, lib/resume/storage.ts).
// Region and endpoints come from the environment: AWS_REGION on Lambda and under
// `sst dev`; AWS_ENDPOINT_URL_DYNAMODB / AWS_ENDPOINT_URL_S3 on the local stack.

/**
 * The SDK's defaults (no request timeout, 3 attempts) let a dead dependency hold a
 * request for a long time; with these and two attempts it costs about 2 s at most.
 * `throwOnRequestTimeout`: without it the SDK only logs a warning when the timer fires.
 */
export const timeouts = { connectionTimeout: 1_000, requestTimeout: 1_000, throwOnRequestTimeout: true };

/**
 * A request whose connection never opened was never sent. Under `next start` a busy event
 * loop runs the 1 s connect timer before the connect callback (timers come before I/O
 * callbacks), and the request's bytes, still queued in Node, are dropped with the socket.
 */
export function neverSent(error: unknown): boolean {
  const { name, message, code } = (error ?? {}) as { name?: string; message?: string; code?: string };
  return (
    code === "ECONNREFUSED" ||
    (name === "TimeoutError" && message?.includes("did not establish a connection") === true)
  );
}

/** An error's name and network code, for a log line: never its message, which may quote data. */
export function errorSummary(error: unknown): string {
  const { name, code } = (error ?? {}) as { name?: string; code?: string };
  return `${name ?? "Error"}${code ? ` (${code})` : ""}`;
}
