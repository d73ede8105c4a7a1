import { expect, test } from "@playwright/test";
import { scriptNonce, securityHeaderProblems } from "../test/support/security-header-checks";

// Under `npm start` (next start): proxy.ts must reach pages, the 404, files and the
// download, which is a Pages API route behind a rewrite.
for (const [path, status] of [
  ["/", 200],
  ["/resume/download", 200],
  ["/no-such-page", 404],
  ["/robots.txt", 200],
  ["/opengraph-image", 200],
] as const) {
  test(`${path} answers ${status} with every security header`, async ({ request }) => {
    const response = await request.get(path);
    expect(response.status()).toBe(status);
    expect(securityHeaderProblems(response.headers())).toEqual([]);
  });
}

test("the browser runs the site's own scripts under the CSP", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  const response = await page.goto("/");
  expect(scriptNonce(response?.headers()["content-security-policy"] ?? "")).toBeTruthy();
  // The app router's announcer exists only once Next's scripts have run and hydrated.
  await expect(page.locator("next-route-announcer")).toBeAttached();
  await expect(page.getByTestId("visitor-count")).toHaveAttribute("data-status", "ok");
  expect(violations).toEqual([]);
});

test("the CSP stops markup injected into the page from running script", async ({ page }) => {
  // What a stored XSS would do: markup in the HTML, under the page's real headers.
  // The picture cannot be decoded, so its error event fires in every Chromium, and Chromium
  // checks (and blocks) an inline handler only when its event fires.
  await page.route("/", async (route) => {
    const response = await route.fetch();
    const injected =
      '<script>window.__inline = true</script><img alt="" src="data:," onerror="window.__handler = true">';
    const body = (await response.text()).replace("<main", `${injected}<main`);
    await route.fulfill({ response, body });
  });
  const blocked: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) blocked.push(message.text());
  });
  await page.goto("/");
  await expect(page.locator("next-route-announcer")).toBeAttached();
  expect(await page.evaluate(() => ["__inline", "__handler"].filter((name) => name in window))).toEqual([]);
  await expect.poll(() => blocked.length).toBe(2);
});
