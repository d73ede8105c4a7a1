import { describe, expect, it } from "vitest";
import { connectTimeout, requestTimeout, sdkError } from "@/test/support/sdk-errors";
import { neverSent } from "./aws";

describe("which failed requests were never sent", () => {
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
