import { expect, test } from "@playwright/test";
import { portfolio } from "../lib/content";

test("every part of the content file is on the page", async ({ page }) => {
  await page.goto("/");
  for (const section of [
    "About",
    "Experience",
    "Projects",
    "Skills",
    "Education & certifications",
    "Contact",
  ])
    await expect(page.getByRole("heading", { level: 2, name: section })).toBeVisible();
  for (const paragraph of portfolio.about) await expect(page.getByText(paragraph)).toBeVisible();
  for (const cert of portfolio.certifications ?? []) await expect(page.getByText(cert.name)).toBeVisible();
  const nav = page.getByRole("navigation", { name: "Sections" });
  await nav.getByRole("link", { name: "Projects" }).click();
  await expect(page).toHaveURL(/#projects$/);
});

test("a project's picture is served resized by Next's image optimizer", async ({ page }) => {
  const project = portfolio.projects.find((p) => p.image);
  test.skip(!project?.image, "the content has no project picture");
  await page.goto("/");
  const picture = page.getByRole("img", { name: project?.image?.alt });
  await picture.scrollIntoViewIfNeeded();
  await expect.poll(() => picture.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  const source = await picture.evaluate((img: HTMLImageElement) => img.currentSrc);
  expect(source).toMatch(/\/_next\/image\?url=/);
  // Its box is reserved from width and height before it loads: same aspect ratio.
  const box = await picture.boundingBox();
  expect((box?.width ?? 0) / (box?.height ?? 1)).toBeCloseTo(
    (project?.image?.width ?? 0) / (project?.image?.height ?? 1),
    1,
  );
});
