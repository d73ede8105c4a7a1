import type { StandardRetryStrategy } from "@smithy/util-retry";

type RetryInfo = Parameters<StandardRetryStrategy["refreshRetryTokenForRetry"]>[1];
export type SdkError = NonNullable<RetryInfo["error"]>;

/** An error shaped as @smithy/node-http-handler and Node's net module throw them. */
export const sdkError = (name: string, message: string, code?: string): SdkError =>
  Object.assign(new Error(message, { cause: undefined }), { name, code }) as SdkError;

/** The connection never opened: the request was never sent. */
export const connectTimeout = sdkError(
  "TimeoutError",
  "@smithy/node-http-handler - the request socket did not establish a connection with the server within the configured timeout of 1000 ms.",
);

/** The request was sent and its answer did not come in time: it may have been applied. */
export const requestTimeout = sdkError(
  "TimeoutError",
  "@smithy/node-http-handler - [ERROR] a request has exceeded the configured 1000 ms requestTimeout.",
);
