import { expect, type Page, test } from "@playwright/test";

const CHROME =
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36";

async function shownTotal(page: Page): Promise<number> {
  const value = await page.getByTestId("visitor-count").locator("data").getAttribute("value");
  return Number(value);
}

type Summary = { total: number; today: { uniques: number } };

test("the counter updates after a visit from elsewhere, without a reload", async ({ page, request }) => {
  await page.goto("/");
  await expect(page.getByTestId("visitor-count")).toHaveAttribute("data-status", "ok");
  const before = await shownTotal(page);
  await page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));

  const elsewhere = await request.get("/", { headers: { "user-agent": `${CHROME} elsewhere` } });
  expect(elsewhere.status()).toBe(200);

  // The page asks /api/visits about every 10 s while visible.
  await expect.poll(() => shownTotal(page), { timeout: 20_000, intervals: [1_000] }).toBe(before + 1);
  expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
  await expect(page.getByTestId("visitor-count")).toHaveAttribute("aria-live", "polite");
});

test("HEAD, bots and a spoofed X-Forwarded-For do not inflate the counts under npm start", async ({
  request,
}) => {
  const summary = async () => (await (await request.get("/api/visits")).json()) as Summary;
  const visitor = { "user-agent": `${CHROME} spoofer` };
  await request.get("/", { headers: visitor });
  const before = await summary();

  expect((await request.head("/", { headers: visitor })).status()).toBe(200);
  expect(
    (
      await request.get("/", { headers: { "user-agent": "Googlebot/2.1 (+http://www.google.com/bot.html)" } })
    ).status(),
  ).toBe(200);
  for (const spoofed of ["203.0.113.1", "203.0.113.2", "198.51.100.3, 203.0.113.4"]) {
    await request.get("/", { headers: { ...visitor, "x-forwarded-for": spoofed } });
  }

  const after = await summary();
  expect(after.total - before.total).toBe(3); // the three GETs count as views…
  expect(after.today.uniques).toBe(before.today.uniques); // …of one visitor, the socket's
});
