import { describe, expect, it } from "vitest";
import { connectTimeout, requestTimeout, type SdkError } from "@/test/support/sdk-errors";
import { ThrottlingOnlyRetryStrategy } from "./table";

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
