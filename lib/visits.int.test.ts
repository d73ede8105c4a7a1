import { GetCommand } from "@aws-sdk/lib-dynamodb";
import { Resource } from "sst";
import { afterEach, describe, expect, it, vi } from "vitest";
import { dynamo } from "./aws";
import { incrementVisits } from "./visits";

async function storedTotal(): Promise<number> {
  const { Item } = await dynamo.send(
    new GetCommand({ TableName: Resource.Visits.name, Key: { pk: "views", sk: "total" } }),
  );
  return Number(Item?.count ?? 0);
}

describe("incrementVisits against the DynamoDB emulator", () => {
  it("counts 500 concurrent visits exactly once each", async () => {
    const before = await storedTotal();
    const results = await Promise.all(Array.from({ length: 500 }, () => incrementVisits()));
    expect(await storedTotal()).toBe(before + 500);
    // Atomic ADD hands every caller a distinct new total: no two reads saw the same value.
    expect(new Set(results).size).toBe(500);
    expect(Math.max(...results)).toBe(before + 500);
  });
});

describe("countVisit when DynamoDB is unreachable", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
    vi.resetModules();
  });

  it("reports the count as unavailable and logs the error instead of throwing", async () => {
    vi.stubEnv("AWS_ENDPOINT_URL_DYNAMODB", "http://127.0.0.1:9"); // discard port: nothing listens
    vi.resetModules();
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    const { countVisit } = await import("./visits");
    const started = Date.now();
    await expect(countVisit()).resolves.toEqual({ status: "unavailable" });
    expect(Date.now() - started).toBeLessThan(2_500);
    expect(logged).toHaveBeenCalledWith("[visits] counter unavailable:", expect.anything());
  });
});
