import { expect, type Page, test } from "@playwright/test";

async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

for (const [name, path] of Object.entries({ home: "/", "404": "/no-such-page" })) {
  test(`the ${name} page fits a 320 px screen without sideways scrolling`, async ({ page }) => {
    await page.setViewportSize({ width: 320, height: 640 });
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    expect(await horizontalOverflow(page)).toBe(0);
  });
}

test("on a wide screen the text keeps a readable measure, centred", async ({ page }) => {
  await page.setViewportSize({ width: 2560, height: 1200 });
  await page.goto("/");
  const main = await page.getByRole("main").boundingBox();
  expect(main?.width).toBeLessThanOrEqual(62 * 16);
  expect(Math.abs((main?.x ?? 0) * 2 + (main?.width ?? 0) - 2560)).toBeLessThan(4);
  expect(await horizontalOverflow(page)).toBe(0);
});

test("nothing shifts while the page loads and the visitor count arrives", async ({ page }) => {
  await page.addInitScript(() => {
    const shifts: { value: number; sources: string[] }[] = [];
    Object.assign(window, { __shifts: shifts });
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & {
        value: number;
        sources?: { node?: Node }[];
      })[]) {
        const sources = (entry.sources ?? []).map(
          (s) => (s.node as Element | undefined)?.outerHTML?.slice(0, 80) ?? "?",
        );
        shifts.push({ value: entry.value, sources });
      }
    }).observe({ type: "layout-shift", buffered: true });
  });
  await page.goto("/");
  await expect(page.getByTestId("visitor-count")).toHaveAttribute("data-status", "ok");
  await page.evaluate(() => document.fonts.ready);
  await page.waitForTimeout(500);
  const shifts = await page.evaluate(() => (window as unknown as { __shifts: unknown[] }).__shifts);
  expect(shifts).toEqual([]);
});

test("printed, the portfolio is a tidy one-page resume", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByTestId("visitor-count")).toBeVisible();
  await page.emulateMedia({ media: "print" });
  // Screen-only parts are gone; the contact line that replaces the buttons is there.
  for (const hidden of [
    page.getByRole("navigation", { name: "Sections" }),
    page.getByRole("link", { name: "Download resume" }),
    page.getByRole("contentinfo"),
  ])
    await expect(hidden).toBeHidden();
  await expect(page.locator(".print-contact")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Experience" })).toBeVisible();

  const pdf = (await page.pdf({ format: "A4", preferCSSPageSize: true })).toString("latin1");
  const pages = pdf.match(/\/Type\s*\/Page\b/g) ?? [];
  expect(pages).toHaveLength(1);
});
