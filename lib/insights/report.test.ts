import { describe, expect, it } from "vitest";
import { buildReport } from "./report";
import { reportText, sparkline } from "./report-text";
import { addItem, type DayInsights, emptyDay, linksOf } from "./table";

const day = (d: string, items: Record<string, unknown>[]) =>
  items.reduce<DayInsights>((into, item) => addItem(into, item), emptyDay(d));

describe("the owner's report", () => {
  const insights = [
    day("2026-12-01", [
      {
        pk: "insights#0",
        sk: "day#2026-12-01",
        "u:via:acme": 2,
        "d:via:acme": 1,
        "c:FR": 2,
        names: new Set(),
      },
      { pk: "insights#3", sk: "day#2026-12-01", "u:ref:linkedin.com": 3, "u:direct": 1, "c:unknown": 4 },
    ]),
    day("2026-12-02", [
      { pk: "insights#1", sk: "day#2026-12-02", "u:via:acme": 2, "d:via:acme": 1, "d:direct": 1, "c:FR": 1 },
      { pk: "insights#2", sk: "day#2026-12-02", "u:ref:linkedin.com": 1, "c:GB": 1 },
    ]),
  ];
  const stats = [
    { day: "2026-12-01", views: 12, uniques: 6, downloads: 1 },
    { day: "2026-12-02", views: 5, uniques: 3, downloads: 2 },
  ];
  const links = linksOf({
    "link:acme": { label: "Acme, Staff Engineer", created: "2026-11-30T10:00:00.000Z" },
    "link:globex": { label: "", created: "2026-12-01T10:00:00.000Z" },
    tags: new Set(["acme", "globex"]),
  });
  const report = buildReport(stats, insights, links, (tag) => `https://site.example/?via=${tag}`);

  it("sums sources over shards and days, most visitors first, with downloads and their rate", () => {
    expect(report.sources).toEqual([
      { source: "via:acme", visitors: 4, downloads: 2, downloadRate: 0.5 },
      { source: "ref:linkedin.com", visitors: 4, downloads: 0, downloadRate: 0 },
      { source: "direct", visitors: 1, downloads: 1, downloadRate: 1 },
    ]);
  });

  it("shows every link, with nothing counted as zero", () => {
    expect(
      report.links.map(({ tag, visitors, downloads, url }) => ({ tag, visitors, downloads, url })),
    ).toEqual([
      { tag: "acme", visitors: 4, downloads: 2, url: "https://site.example/?via=acme" },
      { tag: "globex", visitors: 0, downloads: 0, url: "https://site.example/?via=globex" },
    ]);
  });

  it("counts countries per visitor, and the days and totals from the counters", () => {
    expect(report.countries).toEqual([
      { country: "unknown", visitors: 4 },
      { country: "FR", visitors: 3 },
      { country: "GB", visitors: 1 },
    ]);
    expect(report.totals).toEqual({ views: 17, visitors: 9, downloads: 3 });
    expect(report.from).toBe("2026-12-01");
    expect(report.to).toBe("2026-12-02");
  });

  it("renders as text with a chart row per counter and the tables", () => {
    const text = reportText(report);
    expect(text).toContain("Portfolio, 2026-12-01 to 2026-12-02 (2 days, UTC)");
    expect(text).toMatch(/Views\s+17\s+█▄/);
    expect(text).toMatch(/via:acme\s+4\s+2\s+50%/);
    expect(text).toMatch(/acme \(Acme, Staff Engineer\)\s+4\s+2\s+https:\/\/site\.example\/\?via=acme/);
    expect(text).toMatch(/FR\s+3/);
  });
});

describe("sparkline", () => {
  it("scales each day to the largest and marks empty days", () => {
    expect(sparkline([0, 1, 4, 8])).toBe("·▁▄█");
    expect(sparkline([0, 0])).toBe("··");
  });
});
