import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";

const PAGES = { home: "/", privacy: "/privacy", "404": "/no-such-page" };

/** Waits until the streamed counter has arrived, so axe sees the page as a visitor does. */
async function settle(page: Page, path: string) {
  await page.goto(path);
  if (path === "/") await expect(page.getByTestId("visitor-count")).toBeVisible();
}

for (const colorScheme of ["light", "dark"] as const) {
  for (const [name, path] of Object.entries(PAGES)) {
    test(`axe finds no violations on the ${name} page in ${colorScheme} mode`, async ({ page }) => {
      await page.emulateMedia({ colorScheme });
      await settle(page, path);
      // Every rule axe runs by default (WCAG 2.x A and AA, including contrast, plus best practices).
      const { violations } = await new AxeBuilder({ page }).analyze();
      const summary = violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
      expect(summary).toEqual([]);
    });
  }
}

test("the footer links to the privacy page, which says what the counter keeps", async ({ page }) => {
  await settle(page, "/");
  await page.getByRole("contentinfo").getByRole("link", { name: "Privacy" }).click();
  await expect(page).toHaveURL(/\/privacy$/);
  await expect(page.getByRole("heading", { level: 1, name: "Privacy" })).toBeVisible();
  await expect(page.getByRole("main")).toContainText("stores no IP address");
});

test("the page has its landmarks: banner, navigation, main and footer", async ({ page }) => {
  await settle(page, "/");
  await expect(page.getByRole("banner")).toHaveCount(1);
  await expect(page.getByRole("main")).toHaveCount(1);
  await expect(page.getByRole("contentinfo")).toHaveCount(1);
  await expect(page.getByRole("navigation", { name: "Sections" })).toBeVisible();
});

test("the first Tab shows a skip link that moves focus past the header to the content", async ({ page }) => {
  await settle(page, "/");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to content" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/#main$/);
  // The next Tab lands inside <main>, not back in the header.
  await page.keyboard.press("Tab");
  expect(await page.evaluate(() => document.activeElement?.closest("main") !== null)).toBe(true);
});

test("keyboard focus is visible: a 3 px outline on links and buttons", async ({ page }) => {
  await settle(page, "/");
  const download = page.getByRole("link", { name: "Download resume" });
  await download.focus();
  // focus() from script does not always match :focus-visible; a key press does.
  await page.keyboard.press("Shift+Tab");
  await page.keyboard.press("Tab");
  await expect(download).toBeFocused();
  const outline = await download.evaluate(
    (el) => getComputedStyle(el).outlineStyle + " " + getComputedStyle(el).outlineWidth,
  );
  expect(outline).toBe("solid 3px");
});
