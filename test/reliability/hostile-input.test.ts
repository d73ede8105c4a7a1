/**
 * The hostile corpus (hostile-corpus.ts) and a bot flood against the site as `npm start`
 * serves it: no 5xx, nothing internal in any answer, the server stays up, and the
 * counters move only for requests the site accepted as views or downloads.
 */
import autocannon from "autocannon";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { settledViews, visitSummary } from "../../scripts/bench/site-client";
import { type SiteServer, startSite } from "../../scripts/bench/site-server";
import { BOT, HOSTILE_CASES, type HostileCase } from "./hostile-corpus";
import { type RawResponse, rawRequest } from "./raw-http";
import { addressCap } from "../../lib/visits/table";

// A stack frame, or a path on this machine: what an unhandled error page would show.
const LEAKS = [/\bat \S+ \(?\S+:\d+:\d+\)?/, /node_modules/, /\/work\//, new RegExp(process.cwd())];
const DOWNLOAD_PATHS = ["/resume/download", "/resume", "/api/resume/download"];

let site: SiteServer;
let port: number;
beforeAll(async () => {
  site = await startSite({}, { quiet: true });
  port = Number(new URL(site.url).port);
});
afterAll(() => site?.stop());

type Counts = { views: number; uniques: number; downloads: number };
async function counts(): Promise<Counts> {
  const views = await settledViews(site.url);
  const { history } = await visitSummary(site.url);
  const sum = (field: "uniques" | "downloads") => history.reduce((total, day) => total + day[field], 0);
  return { views, uniques: sum("uniques"), downloads: sum("downloads") };
}

/**
 * What the answers allow: a GET of / answered 200 is a view (its user agent the visitor),
 * a GET of the resume answered 200 (whole file) a download, once per visitor; nothing
 * else counts.
 */
function expectedChange(answers: { case: HostileCase; response: RawResponse }[]): Counts {
  const accepted = answers.filter(({ case: c, response }) => c.method === "GET" && response.status === 200);
  const pathname = (c: HostileCase) => c.path.split("?")[0] ?? "";
  // Every browser sends a user agent: a request without one is not a visit (docs/visits.md).
  const views = accepted.filter(({ case: c }) => pathname(c) === "/" && c.agent !== "");
  return {
    views: views.length,
    // All from one address (127.0.0.1): at most the per-address cap of new visitors.
    uniques: Math.min(addressCap(), new Set(views.map(({ case: c }) => c.agent)).size),
    // Once per visitor (here: per user agent) per day.
    downloads: new Set(
      accepted.filter(({ case: c }) => DOWNLOAD_PATHS.includes(pathname(c))).map(({ case: c }) => c.agent),
    ).size,
  };
}

describe(`${HOSTILE_CASES.length} hostile requests against every route`, () => {
  it("get no 5xx and no stack trace or internal path, and move the counters only when accepted", async () => {
    expect(HOSTILE_CASES.length).toBeGreaterThanOrEqual(50);
    const before = await counts();
    const answers: { case: HostileCase; response: RawResponse }[] = [];
    for (const hostile of HOSTILE_CASES) {
      const response = await rawRequest(port, hostile.request);
      answers.push({ case: hostile, response });
    }
    const bad = answers
      .filter(({ response }) => response.status < 200 || response.status >= 500)
      .map(({ case: c, response }) => `${c.name}: ${response.status}`);
    expect(bad).toEqual([]);
    const leaking = answers
      .filter(({ response }) => LEAKS.some((leak) => leak.test(response.head + response.body)))
      .map(({ case: c }) => c.name);
    expect(leaking).toEqual([]);

    const after = await counts();
    const change = expectedChange(answers);
    // The corpus must exercise both sides: some accepted views, many refusals.
    expect(change.views).toBeGreaterThan(0);
    expect(answers.filter(({ response }) => response.status >= 400).length).toBeGreaterThan(30);
    expect({
      views: after.views - before.views,
      uniques: after.uniques - before.uniques,
      downloads: after.downloads - before.downloads,
    }).toEqual(change);
    expect(site.running()).toBe(true);
  });

  it("survive a flood from a bot user agent: every answer 200, nothing counted", async () => {
    const before = await counts();
    const flood = await autocannon({
      url: site.url,
      connections: 20,
      amount: 300,
      headers: { "user-agent": BOT },
    });
    expect(flood["2xx"]).toBe(300);
    expect(flood.errors + flood.timeouts + flood.non2xx).toBe(0);
    expect(await counts()).toEqual(before);
  });

  it("leave the server up, having logged no unhandled rejection or crash", async () => {
    expect(site.running()).toBe(true);
    expect((await fetch(site.url)).status).toBe(200);
    expect(site.stderr()).not.toMatch(/unhandledRejection|uncaughtException|FATAL ERROR/i);
  });
});
