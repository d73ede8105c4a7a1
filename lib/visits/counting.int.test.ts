import { ScanCommand } from "@aws-sdk/lib-dynamodb";
import { Resource } from "sst";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { DEAD_ENDPOINT, pointAt } from "@/test/support/endpoint";
import { ownerDynamo } from "@/test/support/owner-clients";
import { recordPageVisit } from "./page-visit";
import { readVisitSummary } from "./reads";
import { daySalt } from "./salt";
import { GRACE_SECONDS, utcDay } from "./table";
import { recordDownload, recordView } from "./writes";
import { visitorOn } from "@/test/support/daily-visitor";

/** Visitor i's address: one of their own (203.0.113-115.x). */
const address = (i: number) => `203.0.${113 + (i >> 8)}.${i & 255}`;
const browser = (i: number) =>
  `Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.${i}.0 Safari/537.36`;

/** A page request from visitor i; resolves to whether it counted (and was a first visit). */
async function visit(i: number, extra: Record<string, string> = {}, method = "GET") {
  const { view, error } = await recordPageVisit({
    method,
    headers: new Headers({ "user-agent": browser(i), "x-forwarded-for": address(i), ...extra }),
    behindCloudFront: false,
  });
  if (error) throw error;
  return view;
}

// Inspecting the table is the owner's: the site role may not scan it.
const owner = ownerDynamo();

async function scanTable(name = Resource.Visits.name): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await owner.send(new ScanCommand({ TableName: name, ExclusiveStartKey: start }));
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  return items;
}

describe("visit counting against the DynamoDB emulator", () => {
  // Some tests count with recordView directly, as only code holding the day's salt can:
  // today's salt exists first, as it would (uniques counted today without a salt would
  // make today the changeover day, lib/visits/salt.ts).
  beforeAll(async () => {
    await daySalt();
  });

  it("counts 2,000 concurrent views from 50 visitors exactly, across shards", async () => {
    const before = await readVisitSummary();
    // The writes alone, as 2,000 renders would send them (each render's read is tested below).
    const day = utcDay(new Date());
    await Promise.all(
      Array.from({ length: 2_000 }, (_, n) => recordView(visitorOn(day, `concurrent-${n % 50}`))),
    );

    const after = await readVisitSummary();
    expect(after.total - before.total).toBe(2_000);
    expect(after.today.views - before.today.views).toBe(2_000);
    expect(after.today.uniques - before.today.uniques).toBe(50);
    const shardsUsed = new Set(
      (await scanTable()).filter((item) => item.sk === "total").map((item) => item.pk),
    );
    expect(shardsUsed.size).toBeGreaterThan(1);
  });

  it("shows each view a summary that already includes it, read in the same round trip", async () => {
    const before = await readVisitSummary();
    const request = (i: number) => ({
      method: "GET",
      headers: new Headers({ "user-agent": browser(i), "x-forwarded-for": address(i) }),
      behindCloudFront: false,
    });
    const first = await recordPageVisit(request(950));
    expect(first.view).toEqual({ newVisitor: true, capped: false });
    expect(first.summary?.total).toBe(before.total + 1);
    expect(first.summary?.today).toEqual({
      ...before.today,
      views: before.today.views + 1,
      uniques: before.today.uniques + 1,
    });
    expect(first.summary).toEqual(await readVisitSummary());

    // Concurrent views: each sees itself, and the last word matches a fresh read.
    const many = await Promise.all(Array.from({ length: 40 }, (_, i) => recordPageVisit(request(951 + i))));
    for (const visit of many) {
      expect(visit.summary!.total).toBeGreaterThan(first.summary!.total);
      expect(visit.summary!.total).toBeLessThanOrEqual(first.summary!.total + 40);
    }
    expect((await readVisitSummary()).total).toBe(first.summary!.total + 40);
  });

  it("reads without writing for a request that does not count", async () => {
    const before = await readVisitSummary();
    const bot = await recordPageVisit({
      method: "GET",
      headers: new Headers({ "user-agent": "Googlebot/2.1 (+http://www.google.com/bot.html)" }),
      behindCloudFront: false,
    });
    expect(bot).toEqual({ view: false, summary: before });
  });

  it("counts a reload as a view but not as a new visitor", async () => {
    const before = await readVisitSummary();
    await visit(900);
    await visit(900);
    const after = await readVisitSummary();
    expect(after.total - before.total).toBe(2);
    expect(after.today.uniques - before.today.uniques).toBe(1);
  });

  it("changes nothing for bots, prefetches and HEAD", async () => {
    const before = await readVisitSummary();
    const ignored = await Promise.all([
      recordPageVisit({
        method: "GET",
        headers: new Headers({ "user-agent": "Twitterbot/1.0" }),
        behindCloudFront: false,
      }).then(({ view }) => view),
      visit(901, { "sec-purpose": "prefetch" }),
      visit(902, { purpose: "prefetch" }),
      visit(903, { "next-router-prefetch": "1" }),
      visit(904, {}, "HEAD"),
    ]);
    expect(ignored).toEqual([false, false, false, false, false]);
    expect(await readVisitSummary()).toEqual(before);
  });

  it("stores no IP address and no user agent anywhere in either table", async () => {
    await visit(7);
    const dump = JSON.stringify([await scanTable(), await scanTable(Resource.DailyVisitors.name)]);
    expect(dump).not.toMatch(/203\.0\.11\d\./);
    expect(dump).not.toMatch(/Mozilla|Chrome|AppleWebKit/);
  });

  it("gives every salt, visitor record and address cap a TTL at its day's end plus the grace, no later", async () => {
    await visit(8);
    const daily = await scanTable(Resource.DailyVisitors.name);
    const visitors = daily.filter((item) => String(item.pk).startsWith("visitor#"));
    expect(visitors.length).toBeGreaterThan(0);
    expect(daily.filter((item) => String(item.pk).startsWith("salt#")).length).toBeGreaterThan(0);
    expect(daily.filter((item) => String(item.pk).startsWith("address#")).length).toBeGreaterThan(0);
    // Other files record views on fixed past days too: each item is judged by its own day.
    for (const item of daily) {
      const day = String(item.pk).split("#")[1]!;
      const dayEnds = Date.parse(`${day}T00:00:00Z`) / 1000 + 86_400;
      expect(Number(item.expiresAt), String(item.pk)).toBe(dayEnds + GRACE_SECONDS);
    }
    // No visitor record is left in the Visits table, which keeps 35 days of backups.
    expect((await scanTable()).filter((item) => String(item.pk).startsWith("visitor#"))).toEqual([]);
    const today = visitors.filter((item) => String(item.pk).startsWith(`visitor#${utcDay(new Date())}#`));
    expect(today.length).toBeGreaterThan(0);
    for (const item of today) expect(Number(item.expiresAt)).toBeGreaterThan(Date.now() / 1000);
  });

  it("reads a history that spans two months, each day in its place", async () => {
    await recordView(visitorOn("2026-01-31", "month-edge-a"));
    await recordView(visitorOn("2026-02-01", "month-edge-a"));
    await recordView(visitorOn("2026-02-01", "month-edge-b"));
    await recordDownload(visitorOn("2026-02-14", "month-edge-a"));
    const summary = await readVisitSummary(new Date("2026-02-14T12:00:00Z"));
    const day = (d: string) => summary.history.find((stats) => stats.day === d);
    expect(summary.history[0]?.day).toBe("2026-01-16");
    expect(day("2026-01-31")).toEqual({ day: "2026-01-31", views: 1, uniques: 1, downloads: 0 });
    expect(day("2026-02-01")).toEqual({ day: "2026-02-01", views: 2, uniques: 2, downloads: 0 });
    expect(summary.today).toEqual({ day: "2026-02-14", views: 0, uniques: 0, downloads: 1 });
  });

  it("keeps a shard's whole month in one item under 1 KB (one write unit)", async () => {
    // One shard, so every day of the month lands in the same item: the worst case.
    vi.stubEnv("VISIT_SHARDS", "1");
    try {
      for (let d = 1; d <= 31; d++) {
        const day = `2026-03-${String(d).padStart(2, "0")}`;
        await Promise.all([
          recordView(visitorOn(day, `busy-${d}`)),
          recordDownload(visitorOn(day, `busy-${d}`)),
        ]);
      }
    } finally {
      vi.unstubAllEnvs();
    }
    const [month] = (await scanTable()).filter(
      (item) => item.pk === "shard#0" && item.sk === "month#2026-03",
    );
    expect(Object.keys(month ?? {})).toHaveLength(2 + 31 * 3);
    // DynamoDB's item size: names plus values; a number takes 1 byte plus 1 per 2 digits.
    // Counts are given up to 9 digits here, however small they are in this test.
    const size = Object.entries(month!).reduce(
      (sum, [name, value]) =>
        sum + name.length + (typeof value === "number" ? 1 + Math.ceil(9 / 2) : String(value).length),
      0,
    );
    expect(size).toBeLessThan(1024);
  });

  it("returns 30 days of history, oldest first, ending today", async () => {
    const summary = await readVisitSummary();
    expect(summary.history).toHaveLength(30);
    expect(summary.history.at(-1)).toEqual(summary.today);
    expect(summary.history[0]!.day < summary.today.day).toBe(true);
  });
});

describe("visit counting when DynamoDB is unreachable", () => {
  it("fails within about 2 s instead of hanging, for the caller to report", async () => {
    pointAt("DYNAMODB", DEAD_ENDPOINT);
    const reads = await import("./reads");
    const { recordPageVisit } = await import("./page-visit");
    const started = Date.now();
    await expect(reads.readVisitSummary()).rejects.toThrow();
    const visit = await recordPageVisit({
      method: "GET",
      headers: new Headers({ "user-agent": browser(1) }),
      behindCloudFront: false,
    });
    expect(visit).toEqual({ error: expect.anything() });
    expect(Date.now() - started).toBeLessThan(2_500);
  });
});
