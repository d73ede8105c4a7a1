// The page's read of the shards, reused by one instance for a second (readRecentShards).
import { BatchGetCommand } from "@aws-sdk/lib-dynamodb";
import { describe, expect, it, vi } from "vitest";
import { recordPageVisit } from "./page-visit";
import { readVisitSummary, REUSE_READ_MS } from "./reads";
import { dailyVisitor } from "./salt";
import * as table from "./table";
import { recordDownload } from "./writes";

const request = (
  i: number,
  userAgent = `Mozilla/5.0 (X11; Linux x86_64) Chrome/140.0.${i}.0 Safari/537.36`,
) => ({
  method: "GET",
  headers: new Headers({ "user-agent": userAgent, "x-forwarded-for": `198.51.100.${i}` }),
  behindCloudFront: false,
});
const BOT = "Googlebot/2.1 (+http://www.google.com/bot.html)";

/** The BatchGets sent while `run` runs. */
async function batchGetsDuring<T>(run: () => Promise<T>): Promise<{ result: T; batchGets: number }> {
  const send = vi.spyOn(table.dynamo, "send");
  try {
    const result = await run();
    const batchGets = send.mock.calls.filter(([command]) => command instanceof BatchGetCommand).length;
    return { result, batchGets };
  } finally {
    send.mockRestore();
  }
}

// Each test starts seconds after the last one's reads, on the clock the reads use.
let clock = Date.now();
const nextSecond = () => (clock += 10 * REUSE_READ_MS);

describe("the page's read, reused by one instance for a second", () => {
  it("serves the views of that second from one read, each still including itself and the ones before", async () => {
    const start = nextSecond();
    const first = await recordPageVisit(request(1), new Date(start));
    const { result: later, batchGets } = await batchGetsDuring(async () => [
      await recordPageVisit(request(2), new Date(start + 300)),
      await recordPageVisit(request(3), new Date(start + 600)),
      await recordPageVisit(request(4, BOT), new Date(start + 900)),
    ]);
    expect(batchGets).toBe(0);
    expect(later.map((visit) => visit.summary?.total)).toEqual(
      [2, 3, 3].map((n) => first.summary!.total + n - 1),
    );
    expect(later[1]?.summary?.today.uniques).toBe(first.summary!.today.uniques + 2);
    // Nothing else wrote meanwhile: what the instance showed is what the table holds.
    expect(later[2]?.summary).toEqual(await readVisitSummary());
  });

  it("shows what another instance wrote once the second is over", async () => {
    const start = nextSecond();
    const before = await recordPageVisit(request(5, BOT), new Date(start));
    // As a download served by another instance would.
    expect(
      await recordDownload(await dailyVisitor("198.51.100.99", "download-elsewhere", new Date(start))),
    ).toBe(true);
    const within = await recordPageVisit(request(6, BOT), new Date(start + REUSE_READ_MS - 1));
    expect(within.summary).toEqual(before.summary);
    const { result: after, batchGets } = await batchGetsDuring(() =>
      recordPageVisit(request(7, BOT), new Date(start + REUSE_READ_MS)),
    );
    expect(batchGets).toBe(1);
    expect(after.summary?.today.downloads).toBe(before.summary!.today.downloads + 1);
  });

  it("shares one read among concurrent views, and keeps every one of their writes", async () => {
    const start = nextSecond();
    const before = await readVisitSummary();
    const { result: views, batchGets } = await batchGetsDuring(() =>
      Promise.all([8, 9, 10, 11].map((i) => recordPageVisit(request(i), new Date(start)))),
    );
    expect(batchGets).toBe(1);
    for (const visit of views) expect(visit.summary!.total).toBeGreaterThan(before.total);
    const next = await recordPageVisit(request(12, BOT), new Date(start + 1));
    expect(next.summary).toEqual(await readVisitSummary());
    expect(next.summary!.total).toBe(before.total + 4);
  });

  it("does not keep a failed read: the next view reads again", async () => {
    const start = nextSecond();
    const send = vi.spyOn(table.dynamo, "send").mockRejectedValueOnce(new Error("DynamoDB unreachable"));
    try {
      const failed = await recordPageVisit(request(13, BOT), new Date(start));
      expect(failed).toEqual({ view: false, error: new Error("DynamoDB unreachable") });
    } finally {
      send.mockRestore();
    }
    const next = await recordPageVisit(request(14, BOT), new Date(start + 1));
    expect(next.summary).toEqual(await readVisitSummary());
  });
});
