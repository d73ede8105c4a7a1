/**
 * What counts, through `npm start`'s server (proxy, Next's header handling, the page and
 * the download route as they run): prefetches count nothing, one address's new visitors
 * are capped, and a resume download counts once per visitor per day, whether streamed or
 * redirected. Distinct visitors come from distinct loopback addresses, as distinct people
 * would.
 */
import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { browserAgent, settledViews, visitSummary } from "../../scripts/bench/site-client";
import { type SiteServer, startSite } from "../../scripts/bench/site-server";

type Answer = { status: number; headers: Record<string, string | string[] | undefined> };

/** One request from `address` (a loopback address), on its own connection. */
function send(
  site: SiteServer,
  path: string,
  { address = "127.0.0.1", method = "GET", headers = {} as Record<string, string> } = {},
): Promise<Answer> {
  const { hostname, port } = new URL(site.url);
  return new Promise((resolve, reject) => {
    const req = request(
      { host: hostname, port, path, method, localAddress: address, agent: false, headers },
      (res) => {
        res.resume();
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers }));
      },
    );
    req.on("error", reject);
    req.end();
  });
}

async function today(site: SiteServer) {
  // The counters settle first: a request's writes finish before its answer ends, but
  // the last view's may still be in flight when a download's answer ends.
  await settledViews(site.url);
  return (await visitSummary(site.url)).today;
}

describe("through the server", () => {
  let site: SiteServer;
  beforeAll(async () => {
    site = await startSite({}, { quiet: true });
  });
  afterAll(() => site?.stop());

  it("counts a GET of / carrying Next's router prefetch headers as nothing, and a plain GET as a view", async () => {
    const before = await today(site);
    const prefetches: Record<string, string>[] = [
      { "next-router-prefetch": "1", rsc: "1" },
      { "next-router-prefetch": "1" },
      { "sec-purpose": "prefetch" },
    ];
    for (const headers of prefetches) {
      const answer = await send(site, "/", {
        address: "127.0.20.1",
        headers: { ...headers, "user-agent": browserAgent(1) },
      });
      // 200, or for the RSC form without its cache-busting query, Next's 307 to it.
      expect([200, 307]).toContain(answer.status);
    }
    // A client cannot turn counting off (or on) by sending the verdict header itself.
    await send(site, "/", {
      address: "127.0.20.2",
      headers: { "user-agent": browserAgent(2), "x-portfolio-prefetch": "1" },
    });
    const after = await today(site);
    expect(after.views - before.views).toBe(1);
    expect(after.uniques - before.uniques).toBe(1);
  });

  it("counts 40 user agents from one address as 40 views and the cap (20) in uniques", async () => {
    const before = await today(site);
    for (let i = 0; i < 40; i++)
      await send(site, "/", { address: "127.0.21.1", headers: { "user-agent": browserAgent(100 + i) } });
    const after = await today(site);
    expect(after.views - before.views).toBe(40);
    expect(after.uniques - before.uniques).toBe(20);
  });

  it("counts 20 downloads from one visitor once, and one each from 20 visitors 20 times", async () => {
    const before = await today(site);
    const agent = { "user-agent": browserAgent(7) };
    for (let i = 0; i < 20; i++)
      expect((await send(site, "/resume/download", { address: "127.0.22.1", headers: agent })).status).toBe(
        200,
      );
    expect((await today(site)).downloads - before.downloads).toBe(1);

    for (let i = 0; i < 20; i++)
      await send(site, "/resume/download", { address: `127.0.23.${i + 1}`, headers: agent });
    expect((await today(site)).downloads - before.downloads).toBe(21);
  });

  it("counts nothing for HEAD, 304, 206 or 416", async () => {
    const address = "127.0.24.1";
    const agent = { "user-agent": browserAgent(8) };
    const before = await today(site);
    const head = await send(site, "/resume/download", { address, method: "HEAD", headers: agent });
    expect(head.status).toBe(200);
    const etag = String(head.headers.etag);
    const answers = await Promise.all([
      send(site, "/resume/download", { address, headers: { ...agent, "if-none-match": etag } }),
      send(site, "/resume/download", { address, headers: { ...agent, range: "bytes=0-99" } }),
      send(site, "/resume/download", { address, headers: { ...agent, range: "bytes=999999999-" } }),
    ]);
    expect(answers.map((answer) => answer.status)).toEqual([304, 206, 416]);
    expect((await today(site)).downloads).toBe(before.downloads);
    // The same visitor's first whole download still counts: nothing above used up their day.
    await send(site, "/resume/download", { address, headers: agent });
    expect((await today(site)).downloads).toBe(before.downloads + 1);
  });
});

describe("through the server, with the resume served by presigned redirect", () => {
  let site: SiteServer;
  beforeAll(async () => {
    site = await startSite({ RESUME_REDIRECT_ABOVE: "1" }, { quiet: true });
  });
  afterAll(() => site?.stop());

  it("counts 20 redirects for one visitor once, and 5 visitors' 5 times", async () => {
    const before = await today(site);
    const agent = { "user-agent": browserAgent(9) };
    for (let i = 0; i < 20; i++)
      expect((await send(site, "/resume/download", { address: "127.0.25.1", headers: agent })).status).toBe(
        302,
      );
    expect((await today(site)).downloads - before.downloads).toBe(1);
    for (let i = 0; i < 5; i++)
      await send(site, "/resume/download", { address: `127.0.26.${i + 1}`, headers: agent });
    expect((await today(site)).downloads - before.downloads).toBe(6);
  });
});
