import { describe, expect, it } from "vitest";
import { BROWSER, bodyBytes, invoke, shownCount } from "./invoke";

type Summary = {
  total: number;
  today: { day: string; views: number; uniques: number; downloads: number };
  history: { day: string; views: number }[];
};

async function summary(): Promise<Summary> {
  const result = await invoke("GET", "/api/visits");
  expect(result.statusCode).toBe(200);
  return JSON.parse(bodyBytes(result).toString()) as Summary;
}

describe("GET /api/visits on the OpenNext bundle", () => {
  it("returns the totals, today and 30 days of history as JSON, with a cache policy for a live value", async () => {
    const result = await invoke("GET", "/api/visits");
    expect(result.statusCode).toBe(200);
    expect(result.headers["content-type"]).toMatch(/^application\/json/);
    expect(result.headers["cache-control"]).toBe("public, max-age=0, s-maxage=5");
    const body = JSON.parse(bodyBytes(result).toString()) as Summary;
    expect(body.history).toHaveLength(30);
    expect(body.history.at(-1)).toEqual(body.today);
    expect(body.today.day).toBe(new Date().toISOString().slice(0, 10));
  });

  it("counts nothing itself, and agrees with the count the page shows", async () => {
    const page = await invoke("GET", "/", { "user-agent": `${BROWSER} agree` });
    const shown = shownCount(bodyBytes(page).toString());
    expect((await summary()).total).toBe(shown);
    expect((await summary()).total).toBe(shown);
  });
});

describe("what / counts on the OpenNext bundle", () => {
  it("counts a reload as a view, not as another visitor, even with a spoofed X-Forwarded-For", async () => {
    const before = await summary();
    const visitor = { "user-agent": `${BROWSER} reload`, "cloudfront-viewer-address": "192.0.2.44:1234" };
    await invoke("GET", "/", visitor);
    await invoke("GET", "/", { ...visitor, "x-forwarded-for": "10.9.8.7, 172.16.0.1" });
    const after = await summary();
    expect(after.total - before.total).toBe(2);
    expect(after.today.uniques - before.today.uniques).toBe(1);
  });

  it.each([
    ["HEAD", {}],
    ["GET", { "user-agent": "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)" }],
    ["GET", { "user-agent": "facebookexternalhit/1.1" }],
    ["GET", { "sec-purpose": "prefetch" }],
    ["GET", { purpose: "prefetch" }],
    ["GET", { "user-agent": "" }],
  ] as const)("renders but does not count %s %j", async (method, headers) => {
    const before = await summary();
    const result = await invoke(method, "/", headers);
    expect(result.statusCode).toBe(200);
    expect(await summary()).toEqual(before);
  });

  it("handles an oversized user agent without an error", async () => {
    const result = await invoke("GET", "/", { "user-agent": `${BROWSER} ${"z".repeat(8_000)}` });
    expect(result.statusCode).toBe(200);
  });
});
