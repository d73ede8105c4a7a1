import { expect, test } from "@playwright/test";
import { portfolio } from "../lib/content";

const site = portfolio.siteUrl;

test("the page carries its title, description and canonical URL from the content file", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveTitle(`${portfolio.name} · ${portfolio.headline}`);
  await expect(page.locator('meta[name="description"]')).toHaveAttribute("content", portfolio.summary);
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute("href", new RegExp(`^${site}/?$`));
});

test("Open Graph and Twitter cards point at a generated 1200×630 share image", async ({ page, request }) => {
  await page.goto("/");
  const meta = (key: string) => page.locator(`meta[property="${key}"], meta[name="${key}"]`).first();
  await expect(meta("og:title")).toHaveAttribute("content", new RegExp(portfolio.name));
  await expect(meta("og:type")).toHaveAttribute("content", "profile");
  await expect(meta("twitter:card")).toHaveAttribute("content", "summary_large_image");

  for (const key of ["og:image", "twitter:image"]) {
    const url = new URL((await meta(key).getAttribute("content")) ?? "");
    expect(url.origin, key).toBe(site);
    // The card lives at the site's URL once deployed; here, fetch it from this server.
    const image = await request.get(url.pathname + url.search);
    expect(image.headers()["content-type"], key).toBe("image/png");
    const png = await image.body();
    expect(png.readUInt32BE(16), `${key} width`).toBe(1200);
    expect(png.readUInt32BE(20), `${key} height`).toBe(630);
  }
});

test("JSON-LD describes the person", async ({ page }) => {
  await page.goto("/");
  const json = await page.locator('script[type="application/ld+json"]').textContent();
  expect(JSON.parse(json ?? "{}")).toMatchObject({
    "@type": "Person",
    name: portfolio.name,
    url: `${site}/`,
  });
});

test("robots.txt allows crawling and names the sitemap, which lists the page", async ({ request }) => {
  const robots = await (await request.get("/robots.txt")).text();
  expect(robots).toMatch(/User-Agent: \*\s+Allow: \//i);
  expect(robots).toContain(`Sitemap: ${site}/sitemap.xml`);
  const sitemap = await (await request.get("/sitemap.xml")).text();
  expect(sitemap).toContain(`<loc>${site}/</loc>`);
});

test("the 404 page is friendly, in the site's design, and not indexed", async ({ page }) => {
  const response = await page.goto("/no-such-page");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute("content", /noindex/);
  await page.getByRole("link", { name: /Back to .* portfolio/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(portfolio.name);
});
