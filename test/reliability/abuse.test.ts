/**
 * One client hammering `/`: every request is a view, but the same socket address and
 * user agent are one visitor a day, however fast they come. (Blocking the client
 * altogether is WAF's job on AWS: see docs/reliability.md.)
 */
import autocannon from "autocannon";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { browserAgent, settledViews, visitSummary } from "../../scripts/bench/site-client";
import { type SiteServer, startSite } from "../../scripts/bench/site-server";

const REQUESTS = 300;

let site: SiteServer;
beforeAll(async () => {
  site = await startSite();
});
afterAll(() => site?.stop());

const uniques = async () => (await visitSummary(site.url)).history.reduce((sum, day) => sum + day.uniques, 0);

describe(`one client sending ${REQUESTS} page views at once`, () => {
  it("adds that many views and exactly one unique visitor", async () => {
    const views = await settledViews(site.url);
    const visitors = await uniques();
    const run = await autocannon({
      url: site.url,
      connections: 20,
      amount: REQUESTS,
      headers: { "user-agent": browserAgent(42) },
    });
    expect(run["2xx"]).toBe(REQUESTS);
    expect(await settledViews(site.url)).toBe(views + REQUESTS);
    expect(await uniques()).toBe(visitors + 1);
  });
});
