import { randomUUID } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { MIN_FILL_MS } from "../lib/contact/form-token";
import { mailsContaining } from "../test/support/ses-inbox";
import { e2eLocalAws } from "./local-aws";

const ses = () => e2eLocalAws().AWS_ENDPOINT_URL_SESV2 ?? "";

/**
 * Fills the form in, and waits as long as a person would take at least (a faster sender
 * is spam, answered as sent and never mailed). Fields the server refuses need no wait.
 */
async function fillIn(
  page: Page,
  fields: { name: string; email: string; message: string },
  { asPerson = true } = {},
) {
  const loaded = Date.now();
  await page.getByLabel("Name").fill(fields.name);
  await page.getByLabel("Email").fill(fields.email);
  await page.getByLabel("Message").fill(fields.message);
  if (asPerson) await page.waitForTimeout(Math.max(0, MIN_FILL_MS + 500 - (Date.now() - loaded)));
}

const axeViolations = async (page: Page) =>
  (await new AxeBuilder({ page }).include("#contact").analyze()).violations.map(
    (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
  );

/** Sends a message from the page as `name`, and returns the one mail that carries it. */
async function send(page: Page, name: string) {
  const marker = randomUUID();
  const email = `${name.split(" ")[0]?.toLowerCase()}@example.org`;
  await page.goto("/#contact");
  await fillIn(page, { name, email, message: `Hello from ${name} ${marker}` });
  await page.getByRole("button", { name: "Send message" }).click();
  return async () => {
    const [mail, ...more] = await mailsContaining(ses(), marker);
    expect(more).toEqual([]);
    expect(mail?.replyTo).toEqual([email]);
    expect(mail?.subject).toBe(`Portfolio message from ${name}`);
  };
}

test("with JavaScript, the form sends inline, announces it, and the mail reaches the inbox", async ({
  page,
}) => {
  const arrived = await send(page, "Katherine Johnson");
  const status = page.getByRole("status").filter({ hasText: "Thank you" });
  await expect(status).toBeVisible();
  await expect(status).toHaveAttribute("aria-live", "polite");
  // No navigation: the page stayed, and the form is ready for another message.
  expect(new URL(page.url()).search).toBe("");
  await expect(page.getByLabel("Message")).toHaveValue("");
  await arrived();
});

test("without JavaScript, the form posts, comes back to the page saying sent, and the mail reaches the inbox", async ({
  browser,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const arrived = await send(page, "Dorothy Vaughan");
  await page.waitForURL(/\/\?contact=sent#contact$/);
  await expect(page.getByRole("status")).toHaveText(/Thank you, your message was sent/);
  await arrived();
  await context.close();
});

test("a field the server refuses is marked, described and focused, and the message is kept", async ({
  page,
}) => {
  await page.goto("/#contact");
  // The browser's own check accepts "mary@localhost"; the server wants a domain.
  await fillIn(
    page,
    { name: "Mary Jackson", email: "mary@localhost", message: "Keep me" },
    { asPerson: false },
  );
  await page.getByRole("button", { name: "Send message" }).click();
  const email = page.getByLabel("Email");
  await expect(email).toHaveAttribute("aria-invalid", "true");
  await expect(email).toHaveAccessibleDescription(/valid email address/);
  await expect(email).toBeFocused();
  await expect(page.getByRole("status")).toHaveText(/check your name, email address and message/);
  await expect(page.getByLabel("Message")).toHaveValue("Keep me");
});

for (const colorScheme of ["light", "dark"] as const) {
  test(`axe finds no violations in the contact form's states in ${colorScheme} mode`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    for (const state of ["sent", "limited"]) {
      await page.goto(`/?contact=${state}#contact`);
      await expect(page.getByRole("status")).not.toBeEmpty();
      expect(await axeViolations(page), state).toEqual([]);
    }
    await page.goto("/#contact");
    await fillIn(page, { name: "Mary", email: "mary@localhost", message: "x" }, { asPerson: false });
    await page.getByRole("button", { name: "Send message" }).click();
    await expect(page.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");
    expect(await axeViolations(page), "field errors").toEqual([]);
  });
}
