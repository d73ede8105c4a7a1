/**
 * Takes the README screenshots from a running site:
 *   npm start   # in one shell
 *   node --import tsx scripts/docs/screenshot.ts http://localhost:3000
 */
import { chromium } from "@playwright/test";
import { CHROMIUM_ARGS, chromiumExecutable } from "../../e2e/browser";

const url = process.argv[2] ?? "http://localhost:3000";
const browser = await chromium.launch({ executablePath: chromiumExecutable(), args: CHROMIUM_ARGS });
const shots = [
  {
    file: "docs/screenshot.png",
    colorScheme: "light",
    viewport: { width: 1280, height: 900 },
    fullPage: true,
  },
  {
    file: "docs/screenshot-dark.png",
    colorScheme: "dark",
    viewport: { width: 1280, height: 900 },
    fullPage: false,
  },
  {
    file: "docs/screenshot-mobile.png",
    colorScheme: "light",
    viewport: { width: 390, height: 844 },
    fullPage: false,
  },
] as const;
for (const shot of shots) {
  const page = await browser.newPage({ colorScheme: shot.colorScheme, viewport: shot.viewport });
  await page.goto(url);
  await page.getByTestId("visitor-count").and(page.locator('[data-status="ok"]')).waitFor();
  await page.screenshot({ path: shot.file, fullPage: shot.fullPage });
  await page.close();
  console.log(`wrote ${shot.file}`);
}
await browser.close();
