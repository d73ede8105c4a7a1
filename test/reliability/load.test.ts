/**
 * Counted views under concurrency, against the site as `npm start` serves it. The
 * default size keeps `npm test` bounded (about 60 counted views/s on two cores);
 * `npm run bench:load` runs the full 10,000 with the same checks.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeLoad, runCountedLoad } from "../../scripts/bench/counted-load";
import { type SiteServer, startSite } from "../../scripts/bench/site-server";

const VIEWS = Number(process.env.RELIABILITY_LOAD_VIEWS ?? 2_000);
const CONNECTIONS = 100;

let site: SiteServer;
beforeAll(async () => {
  site = await startSite();
});
afterAll(() => site?.stop());

describe(`${VIEWS} views from distinct visitors at concurrency ${CONNECTIONS}`, () => {
  it("raise the total by exactly that, with no error, and never count a visitor twice", async () => {
    const run = await runCountedLoad(site.url, VIEWS, CONNECTIONS);
    console.log(describeLoad(run));
    expect(run.errors).toBe(0);
    expect(run.addedViews).toBe(VIEWS);
    // Exact when the machine keeps up; on shared cores a dedup write whose answer times
    // out (it may have been applied, so it is not retried) can drop a unique, never add one.
    expect(run.addedUniques).toBeLessThanOrEqual(VIEWS);
    expect(run.addedUniques).toBeGreaterThanOrEqual(VIEWS * 0.99);
    expect(site.stderr()).not.toMatch(/unhandledRejection|uncaughtException/);
  });
});
