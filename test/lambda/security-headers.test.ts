import { describe, expect, it, vi } from "vitest";
import { portfolio } from "../../lib/content";
import { scriptNonce, securityHeaderProblems } from "../support/security-header-checks";
import { bodyBytes, invoke } from "./invoke";

// proxy.ts in the OpenNext bundle: Next 16 compiles it as Node.js middleware, which
// @opennextjs/aws 4.x runs in the server function ahead of routing.
describe("security headers from the OpenNext server function", () => {
  it("puts every header on /, and the CSP's nonce on each script the page carries", async () => {
    const result = await invoke("GET", "/");
    expect(result.statusCode).toBe(200);
    expect(securityHeaderProblems(result.headers)).toEqual([]);

    const nonce = scriptNonce(result.headers["content-security-policy"] ?? "");
    expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    const scripts =
      bodyBytes(result)
        .toString()
        .match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(1);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
  });

  it("uses a fresh nonce on every request", async () => {
    const [a, b] = await Promise.all([invoke("GET", "/"), invoke("GET", "/")]);
    const nonceA = scriptNonce(a.headers["content-security-policy"] ?? "");
    expect(nonceA).toBeTruthy();
    expect(nonceA).not.toBe(scriptNonce(b.headers["content-security-policy"] ?? ""));
  });

  it("puts every header on the resume download (a Pages API route behind a rewrite)", async () => {
    const result = await invoke("GET", "/resume/download");
    expect(result.statusCode).toBe(200);
    expect(result.headers["content-type"]).toBe("application/pdf");
    expect(securityHeaderProblems(result.headers)).toEqual([]);
  });

  it("refuses methods a page does not serve with 405 before rendering, counting nothing", async () => {
    const count = async () =>
      (JSON.parse(bodyBytes(await invoke("GET", "/api/visits")).toString()) as { total: number }).total;
    const before = await count();
    for (const [method, path] of [
      ["PUT", "/"],
      ["DELETE", "/"],
      ["PATCH", "/"],
      ["POST", "/"],
      ["PUT", "/no-such-page"],
    ]) {
      const result = await invoke(method!, path!);
      expect(result.statusCode, `${method} ${path}`).toBe(405);
      expect(result.headers.allow).toBe("GET, HEAD");
      expect(securityHeaderProblems(result.headers)).toEqual([]);
      expect(bodyBytes(result).toString()).not.toContain(portfolio.name);
    }
    expect(await count()).toBe(before);
  });

  it("puts every header on the download's error answers and on the 404 page", async () => {
    const refused = await invoke("POST", "/resume/download");
    expect(refused.statusCode).toBe(405);
    expect(securityHeaderProblems(refused.headers)).toEqual([]);

    const missing = await invoke("GET", "/no-such-page");
    expect(missing.statusCode).toBe(404);
    expect(bodyBytes(missing).toString()).toContain("Page not found");
    expect(securityHeaderProblems(missing.headers)).toEqual([]);
  });
});

describe("share and search files from the OpenNext server function", () => {
  it("serves robots.txt, sitemap.xml and the share images, with the security headers", async () => {
    // These are prerendered: the bundle first looks in OpenNext's incremental cache
    // (an S3 bucket SST creates on AWS; none here), logs the miss, and renders them.
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const expected = {
        "/robots.txt": "text/plain",
        "/sitemap.xml": "application/xml",
        "/opengraph-image": "image/png",
        "/twitter-image": "image/png",
      };
      for (const [path, type] of Object.entries(expected)) {
        const result = await invoke("GET", path);
        expect(result.statusCode, path).toBe(200);
        expect(result.headers["content-type"], path).toMatch(new RegExp(`^${type}`));
        expect(securityHeaderProblems(result.headers), path).toEqual([]);
      }
      const sitemap = bodyBytes(await invoke("GET", "/sitemap.xml")).toString();
      expect(sitemap).toContain(`<loc>${portfolio.siteUrl}/</loc>`);
    } finally {
      logged.mockRestore();
    }
  });
});
