import { ScanCommand } from "@aws-sdk/lib-dynamodb";
import { Resource } from "sst";
import { getDomain } from "tldts";
import { describe, expect, it } from "vitest";
import { ATTRIBUTION_HEADER } from "@/lib/request-headers";
import { recordPageVisit } from "@/lib/visits/page-visit";
import { dailyVisitor } from "@/lib/visits/salt";
import { utcDay } from "@/lib/visits/table";
import { recordDownload } from "@/lib/visits/writes";
import { ownerDynamo } from "@/test/support/owner-clients";
import { addLink } from "./links";
import { readInsights } from "./reads";

// Thirty visitors, each from a loopback address of their own (as `npm start` sees its
// clients), and the same browser.
const BROWSER =
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36";
const address = (i: number) => `127.0.14.${i}`;
const REFERRERS = {
  linkedin: "https://www.linkedin.com/in/recruiter-jane?trk=people-guest_profile-result-card",
  hn: "https://news.ycombinator.com/item?id=4242&secret=1",
};

/** Visitor i opens the page (with `query`, from `referrer`); the view must count. */
async function view(i: number, query = "", referrer?: string) {
  const headers = new Headers({
    "user-agent": BROWSER,
    "x-forwarded-for": address(i),
    [ATTRIBUTION_HEADER]: query,
    ...(referrer ? { referer: referrer } : {}),
  });
  const { view, error } = await recordPageVisit({ method: "GET", headers, behindCloudFront: false });
  if (error) throw error;
  expect(view).toBeTruthy();
}

/** Visitor i downloads the resume, as pages/api/resume/download.ts counts it. */
const download = async (i: number) => recordDownload(await dailyVisitor(address(i), BROWSER));

async function today() {
  const [day] = await readInsights([utcDay()]);
  return (source: string) => day?.sources.get(source) ?? { visitors: 0, downloads: 0 };
}

// Who comes from where, and how many of them download.
const PLAN = [
  { source: "via:int-acme", query: "via=int-acme", visitors: 8, downloads: 3 },
  { source: "via:int-globex", query: "via=INT-Globex", visitors: 5, downloads: 2 },
  { source: "ref:linkedin.com", referrer: REFERRERS.linkedin, visitors: 7, downloads: 1 },
  { source: "ref:ycombinator.com", referrer: REFERRERS.hn, visitors: 4, downloads: 0 },
  { source: "utm:newsletter", query: "utm_source=Newsletter", visitors: 6, downloads: 2 },
];

describe("sources of 30 visitors, through the page's counting, against the emulators", () => {
  it("gives exact visitors and downloads per source and per tag; repeat views and downloads change nothing", async () => {
    await addLink("int-acme", "Acme, Staff Engineer application");
    // Created after this server instance first read the links: known on first use.
    const before = await today();
    await addLink("int-globex", "Globex");

    let i = 1;
    const downloaders: number[] = [];
    for (const group of PLAN) {
      for (let n = 0; n < group.visitors; n++, i++) {
        await view(i, group.query ?? "", group.referrer);
        // Later views the same day, from elsewhere, keep the first view's source.
        await view(i, "via=int-globex", REFERRERS.hn);
        if (n < group.downloads) downloaders.push(i);
      }
    }
    expect(i - 1).toBe(30);
    for (const visitor of downloaders) {
      expect(await download(visitor)).toBe(true);
      expect(await download(visitor)).toBe(false); // once per visitor per day
    }

    const after = await today();
    for (const group of PLAN) {
      expect(after(group.source), group.source).toEqual({
        visitors: before(group.source).visitors + group.visitors,
        downloads: before(group.source).downloads + group.downloads,
      });
    }
  });

  it("counts a link created while the server runs on its first click, and its download under it", async () => {
    await view(210, "via=int-acme"); // this instance has read the links by now
    await addLink("int-late", "Created while the site runs");
    const before = await today();
    await view(211, "via=int-late");
    expect(await download(211)).toBe(true);
    expect((await today())("via:int-late")).toEqual({
      visitors: before("via:int-late").visitors + 1,
      downloads: before("via:int-late").downloads + 1,
    });
  });

  it("counts a download with no view that day as direct", async () => {
    const before = await today();
    expect(await download(200)).toBe(true);
    expect((await today())("direct")).toEqual({
      visitors: before("direct").visitors,
      downloads: before("direct").downloads + 1,
    });
  });

  it("counts a made-up tag as direct, and keeps it nowhere", async () => {
    const before = await today();
    await view(201, "via=not-a-link", REFERRERS.linkedin);
    expect((await today())("direct").visitors).toBe(before("direct").visitors + 1);
    expect((await today())("via:not-a-link").visitors).toBe(0);
  });
});

describe("privacy", () => {
  it("leaves no IP address, user agent or referrer URL in either table: only registrable domains and the owner's tags", async () => {
    const owner = ownerDynamo();
    const texts: string[] = [];
    const sources: string[] = [];
    for (const table of [Resource.Visits.name, Resource.DailyVisitors.name]) {
      let start: Record<string, unknown> | undefined;
      do {
        const page = await owner.send(new ScanCommand({ TableName: table, ExclusiveStartKey: start }));
        for (const item of page.Items ?? []) {
          for (const [name, value] of Object.entries(item)) {
            texts.push(
              name,
              typeof value === "string"
                ? value
                : JSON.stringify([...(value instanceof Set ? value : [value])]),
            );
            if (/^[ud]:/.test(name)) sources.push(name.slice(2));
            if (name === "source") sources.push(String(value));
          }
        }
        start = page.LastEvaluatedKey;
      } while (start);
    }
    const everything = texts.join("\n");
    for (let i = 1; i <= 30; i++) expect(everything).not.toContain(address(i));
    expect(everything).not.toContain("Mozilla/5.0");
    for (const url of Object.values(REFERRERS)) {
      const { pathname, search } = new URL(url);
      expect(everything).not.toContain(pathname);
      expect(everything).not.toContain(search);
    }
    expect(everything).not.toContain("not-a-link");
    expect(sources.length).toBeGreaterThan(0);
    for (const source of sources) {
      const [kind, value = ""] = source.split(/:(.*)/s);
      if (kind === "ref") expect(getDomain(value, { allowPrivateDomains: true }), source).toBe(value);
      else if (kind === "via") expect(value, source).toMatch(/^[a-z0-9-]{1,32}$/);
      else if (kind === "utm") expect(value, source).toMatch(/^[a-z0-9._-]{1,40}$/);
      else expect(["direct", "other"], source).toContain(source);
    }
  });
});
