import { readFile } from "node:fs/promises";
import { expect, type Page, test } from "@playwright/test";
import { portfolio } from "../lib/content";

async function shownCount(page: Page): Promise<number> {
  const counter = page.getByTestId("visitor-count");
  await expect(counter).toBeVisible();
  await expect(counter).toHaveAttribute("data-status", "ok");
  const text = await counter.innerText();
  const digits = text.match(/[\d,]+/)?.[0]?.replaceAll(",", "");
  expect(digits, `a number in "${text}"`).toBeTruthy();
  return Number(digits);
}

test("a recruiter sees the portfolio and a visit count that rises on reload", async ({ page }) => {
  const response = await page.goto("/");
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(portfolio.name);
  for (const section of ["Experience", "Projects", "Skills", "Contact"]) {
    await expect(page.getByRole("heading", { level: 2, name: section })).toBeVisible();
  }
  const first = await shownCount(page);
  expect(first).toBeGreaterThan(0);

  await page.reload();
  expect(await shownCount(page)).toBe(first + 1);
});

test("clicking “Download resume” saves the PDF under the name from the content file", async ({ page }) => {
  await page.goto("/");
  const link = page.getByRole("link", { name: "Download resume" });
  await expect(link).toBeVisible();
  const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
  expect(download.suggestedFilename()).toBe(portfolio.resume.fileName);
  const file = await readFile(await download.path());
  expect(file.subarray(0, 4).toString("latin1")).toBe("%PDF");
});

test("/resume opens the PDF inline in the browser instead of downloading it", async ({ page }) => {
  let downloaded = false;
  page.on("download", () => (downloaded = true));
  const response = await page.goto("/resume");
  expect(response?.status()).toBe(200);
  expect(response?.headers()["content-type"]).toBe("application/pdf");
  expect(response?.headers()["content-disposition"]).toBe(`inline; filename="${portfolio.resume.fileName}"`);
  // Chromium opened it as a document in its PDF viewer (a download would leave the page blank).
  expect(await page.evaluate(() => document.contentType)).toBe("application/pdf");
  expect(downloaded).toBe(false);
});
