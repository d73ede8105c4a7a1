import { describe, expect, it } from "vitest";
import { requestIdFrom } from "./request-log";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe("requestIdFrom", () => {
  it("uses the trace root the function URL sets", () => {
    const headers = new Headers({
      "x-amzn-trace-id":
        "Self=1-67891234-12456789abcdef012345678;Root=1-67891233-abcdef012345678912345678;Sampled=0",
    });
    expect(requestIdFrom(headers)).toBe("1-67891233-abcdef012345678912345678");
  });

  it("makes a fresh UUID without the header, and for a malformed or injected one", () => {
    const ids = [
      requestIdFrom(new Headers()),
      requestIdFrom(new Headers({ "x-amzn-trace-id": "Root=anything I like" })),
      requestIdFrom(new Headers({ "x-amzn-trace-id": 'Root=1-67891233-abcdef012345678912345678"}' })),
    ];
    for (const id of ids) expect(id).toMatch(UUID);
    expect(new Set(ids).size).toBe(3);
  });
});
