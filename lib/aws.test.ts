import { describe, expect, it } from "vitest";
import { neverSent, ThrottlingOnlyRetryStrategy } from "./aws";

type RetryInfo = Parameters<ThrottlingOnlyRetryStrategy["refreshRetryTokenForRetry"]>[1];
type SdkError = NonNullable<RetryInfo["error"]>;
// Shaped as @smithy/node-http-handler and Node's net module throw them.
const sdkError = (name: string, message: string, code?: string): SdkError =>
  Object.assign(new Error(message, { cause: undefined }), { name, code }) as SdkError;

const connectTimeout = sdkError(
  "TimeoutError",
  "@smithy/node-http-handler - the request socket did not establish a connection with the server within the configured timeout of 1000 ms.",
);
const requestTimeout = sdkError(
  "TimeoutError",
  "@smithy/node-http-handler - [ERROR] a request has exceeded the configured 1000 ms requestTimeout.",
);

describe("which failed writes were never sent", () => {
  it("are the refused connections and the connections that never opened", () => {
    expect(neverSent(sdkError("Error", "connect ECONNREFUSED 127.0.0.1:9", "ECONNREFUSED"))).toBe(true);
    expect(neverSent(connectTimeout)).toBe(true);
  });

  it("exclude a request that was sent and whose answer timed out or broke off", () => {
    expect(neverSent(requestTimeout)).toBe(false);
    expect(neverSent(sdkError("TimeoutError", "socket hang up", "ECONNRESET"))).toBe(false);
    expect(neverSent(undefined)).toBe(false);
  });
});

describe("the counter writes' retry strategy", () => {
  const retry = async (error: SdkError, retriesSoFar = 0) => {
    const strategy = new ThrottlingOnlyRetryStrategy(3);
    let token = await strategy.acquireInitialRetryToken("dynamodb");
    for (let i = 0; i < retriesSoFar; i++) {
      token = await strategy.refreshRetryTokenForRetry(token, { errorType: "THROTTLING" });
    }
    return strategy.refreshRetryTokenForRetry(token, { errorType: "TRANSIENT", error });
  };

  it("retries a write that was never sent, once", async () => {
    await expect(retry(connectTimeout)).resolves.toBeDefined();
    await expect(retry(connectTimeout, 1)).rejects.toThrow(/may have been applied/);
  });

  it("never retries a write whose answer timed out", async () => {
    await expect(retry(requestTimeout)).rejects.toThrow(/may have been applied/);
  });
});
