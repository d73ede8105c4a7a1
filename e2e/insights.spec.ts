import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { expect, test } from "@playwright/test";

const run = promisify(execFile);
// The owner's tools, on the local AWS that Playwright's `npm start` runs (playwright.config.ts).
const npm = (...args: string[]) =>
  run("npm", ["run", "--silent", ...args], {
    env: { ...process.env, LOCAL_AWS_DATA_DIR: process.env.E2E_DATA_DIR, PORT: process.env.E2E_PORT },
  });

test("a link from npm run links, opened and used to download the resume, shows in npm run stats", async ({
  browser,
}) => {
  const started = Date.now();
  const added = await npm("links", "--", "add", "acme", "Acme, Staff Engineer application");
  const url = added.stdout.trim().split("\n").at(-1) ?? "";
  expect(url).toBe(`http://localhost:${process.env.E2E_PORT}/?via=acme`);

  // A browser of its own: its first view today is this one (other tests' views are another visitor's).
  const context = await browser.newContext({
    userAgent:
      "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36 acme-recruiter",
  });
  const page = await context.newPage();
  expect((await page.goto(url))?.status()).toBe(200);
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Download resume" }).click(),
  ]);
  expect(await download.failure()).toBeNull();
  await context.close();
  // Another browser arrives from a LinkedIn profile: counted under its registrable domain.
  const fromLinkedIn = await browser.newContext({
    userAgent:
      "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36 linkedin-recruiter",
  });
  const referred = await fromLinkedIn.newPage();
  await referred.goto("/", { referer: "https://www.linkedin.com/in/ada-okafor/?trk=public_profile" });
  await fromLinkedIn.close();

  const stats = await npm("stats", "--", "--json");
  const report = JSON.parse(stats.stdout) as {
    sources: { source: string; visitors: number; downloads: number }[];
    links: { tag: string; label: string; url: string; visitors: number; downloads: number }[];
  };
  expect(report.sources).toContainEqual({ source: "via:acme", visitors: 1, downloads: 1, downloadRate: 1 });
  expect(report.sources).toContainEqual(expect.objectContaining({ source: "ref:linkedin.com", visitors: 1 }));
  expect(report.links).toContainEqual(
    expect.objectContaining({
      tag: "acme",
      label: "Acme, Staff Engineer application",
      url,
      visitors: 1,
      downloads: 1,
    }),
  );
  const text = await npm("stats");
  expect(text.stdout).toMatch(/via:acme\s+1\s+1\s+100%/);
  // The newcomer's whole path, on the embedded local AWS: under a minute.
  expect(Date.now() - started).toBeLessThan(60_000);
});
