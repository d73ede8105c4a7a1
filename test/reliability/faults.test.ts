/**
 * Dependency faults under traffic, against the site as `npm start` serves it: the
 * emulators are stopped and restarted on their ports while the Next server keeps running.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { browserAgent, counterStatus, timedFetch, totalViews } from "../../scripts/bench/site-client";
import { type SiteServer, startSite } from "../../scripts/bench/site-server";

// lib/aws.ts bounds a dead dependency to about 2 s (1 s timeouts, at most 2 attempts).
const OUTAGE_BUDGET_MS = 2_500;
const CRASH_SIGNS = /unhandledRejection|uncaughtException|FATAL ERROR|Segmentation fault/i;

let site: SiteServer;
beforeAll(async () => {
  // Quiet: the outage makes the server log "counter unavailable", as it should.
  site = await startSite({}, { quiet: true });
});
afterAll(() => site?.stop());

/** Page views from a few browsers until stopped; records every status and failure. */
function backgroundTraffic(url: string) {
  const statuses: number[] = [];
  const failures: unknown[] = [];
  let running = true;
  const worker = async (n: number) => {
    while (running) {
      await timedFetch(url, { headers: { "user-agent": browserAgent(n) } }).then(
        (response) => statuses.push(response.status),
        (error: unknown) => failures.push(error),
      );
    }
  };
  const workers = Promise.all([1, 2, 3, 4].map(worker));
  return {
    statuses,
    failures,
    stop: async () => {
      running = false;
      await workers;
    },
  };
}

const page = (n: number) => timedFetch(site.url, { headers: { "user-agent": browserAgent(n) } });

describe("with DynamoDB stopped and restarted during traffic", () => {
  it("keeps rendering 200 with the counter unavailable, fast, then counts again without a restart", async () => {
    const traffic = backgroundTraffic(site.url);
    try {
      expect(counterStatus((await page(100)).body)).toBe("ok");

      await site.localAws.stopDynamo();
      const outage = [];
      for (let i = 0; i < 5; i++) {
        const during = await page(200 + i);
        outage.push(during);
        expect(during.status).toBe(200);
        expect(counterStatus(during.body)).toBe("unavailable");
        expect(during.ms).toBeLessThan(OUTAGE_BUDGET_MS);
      }
      const slowest = Math.max(...outage.map((response) => response.ms));
      console.log(`DynamoDB stopped: slowest of ${outage.length} page renders ${slowest.toFixed(0)} ms`);
      const api = await timedFetch(`${site.url}/api/visits`);
      expect(api.status).toBe(503);
      expect(api.headers.get("retry-after")).toBe("10");
      expect(api.ms).toBeLessThan(OUTAGE_BUDGET_MS);

      await site.localAws.startDynamo();
      // Pooled sockets to the old listener may fail once; the next request connects anew.
      let status: string | undefined;
      for (let tries = 0; tries < 20 && status !== "ok"; tries++)
        status = counterStatus((await page(300)).body);
      expect(status).toBe("ok");
    } finally {
      await traffic.stop();
    }
    expect(traffic.failures).toEqual([]);
    expect(traffic.statuses.length).toBeGreaterThan(0);
    expect(traffic.statuses.filter((status) => status !== 200)).toEqual([]);

    // Counting resumed: with the traffic stopped, each view adds exactly one.
    const before = await totalViews(site.url);
    for (let i = 0; i < 5; i++) await page(400 + i);
    expect(await totalViews(site.url)).toBe(before + 5);
  });
});

describe("with S3 stopped and restarted", () => {
  it("answers the download 503 with Retry-After within the budget, then serves the PDF again", async () => {
    await site.localAws.stopS3();
    const during = await timedFetch(`${site.url}/resume/download`);
    expect(during.status).toBe(503);
    expect(Number(during.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(during.ms).toBeLessThan(OUTAGE_BUDGET_MS);
    console.log(`S3 stopped: download answered ${during.status} in ${during.ms.toFixed(0)} ms`);

    await site.localAws.startS3();
    const after = await fetch(`${site.url}/resume/download`);
    expect(after.status).toBe(200);
    const pdf = Buffer.from(await after.arrayBuffer());
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    expect(pdf.length).toBe(Number(after.headers.get("content-length")));
  });
});

describe("the Next server after the faults", () => {
  it("is still the same running process and logged no unhandled rejection or crash", async () => {
    expect(site.running()).toBe(true);
    expect((await fetch(site.url)).status).toBe(200);
    // The outage was logged as handled, which also proves stderr was captured.
    expect(site.stderr()).toContain("[visits] counter unavailable");
    expect(site.stderr()).not.toMatch(CRASH_SIGNS);
  });
});
