import { randomUUID } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { contactEvent, personFields } from "@/test/support/contact-event";
import { withOwnLocalAws } from "@/test/support/own-local-aws-hooks";
import { actAs } from "@/test/support/role-permissions";
import { inbox, mailsContaining } from "@/test/support/ses-inbox";
import { visitorOn } from "@/test/support/daily-visitor";

const SES = process.env.AWS_ENDPOINT_URL_SESV2 ?? "";

// Each part runs as its own role, as on AWS: the site counts, the endpoint stores
// messages, the digest reads both and mails.
async function digestJob() {
  actAs("digest");
  return import("./digest");
}

describe("the daily digest", () => {
  it("reports yesterday's views, visitors, downloads and messages, in a mail to the owner", async () => {
    const now = new Date();
    const yesterdayNoon = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - 1, 12);
    const yesterday = new Date(yesterdayNoon).toISOString().slice(0, 10);
    const before = await (await digestJob()).collectDigest(now);
    expect(before.day).toBe(yesterday);

    actAs("site");
    const { recordDownload, recordView } = await import("../visits/writes");
    await recordView(visitorOn(yesterday, randomUUID()));
    await recordView(visitorOn(yesterday, randomUUID()));
    await recordDownload(visitorOn(yesterday, randomUUID()));
    // The insights of those visitors' first views and the download (lib/insights/writes.ts).
    const { recordFirstView, recordSourceDownload } = await import("../insights/writes");
    for (let i = 0; i < 9; i++) await recordFirstView(yesterday, "utm:digest-check", "FR");
    await recordSourceDownload(yesterday, "utm:digest-check");
    actAs("contactApi");
    const { handleContact } = await import("../contact/handler");
    for (const ip of ["198.51.100.21", "198.51.100.22", "198.51.100.23"]) {
      const event = contactEvent(personFields(randomUUID(), yesterdayNoon), { clientIp: ip });
      expect((await handleContact(event, { now: yesterdayNoon })).statusCode).toBe(303);
    }

    const { digest } = await (await digestJob()).sendDailyDigest(now);
    expect(digest).toMatchObject({
      day: yesterday,
      views: before.views + 2,
      visitors: before.visitors + 2,
      downloads: before.downloads + 1,
      messages: before.messages + 3,
    });
    const listed = digest.topSources.find((source) => source.source === "utm:digest-check");
    expect(listed).toEqual({
      source: "utm:digest-check",
      visitors: (before.topSources.find((s) => s.source === "utm:digest-check")?.visitors ?? 0) + 9,
      downloads: (before.topSources.find((s) => s.source === "utm:digest-check")?.downloads ?? 0) + 1,
    });
    const [mail] = await mailsContaining(SES, `Portfolio, ${yesterday}: ${digest.views} views`);
    expect(mail?.body.text).toMatch(
      /Top sources:\n(.*\n)*  utm:digest-check: \d+ visitors, \d+ downloads?\n/,
    );
    expect(mail?.body.text).toMatch(new RegExp(`Messages received:\\s+${digest.messages}\\n`));
    expect(mail?.body.html).toContain(`>Messages received</th><td align="right">${digest.messages}</td>`);
  });
});

describe("the download alert", () => {
  // A local AWS whose site holds the alert's grants, as on AWS with PORTFOLIO_DOWNLOAD_ALERT=on.
  const stack = withOwnLocalAws("download-alert", { downloadAlert: true });
  const alerts = async () => {
    actAs("site");
    return import("./download-alert");
  };
  const sesUrl = () => stack().env.AWS_ENDPOINT_URL_SESV2!;
  // An hour of its own, so the hourly cap starts from zero.
  const hour = Date.UTC(2031, 0, 1, 5, 10);
  const subject = "Your resume was downloaded (2031-01-01 05:";

  it("is off by default: nothing is sent", async () => {
    expect(await (await alerts()).alertDownload(hour)).toBe("off");
    expect(await mailsContaining(sesUrl(), subject, { timeoutMs: 0 })).toEqual([]);
  });

  it("when on, mails the owner on each download, at most ten an hour, saying so in the last", async () => {
    vi.stubEnv("PORTFOLIO_DOWNLOAD_ALERT", "on");
    const { ALERTS_PER_HOUR, alertDownload } = await alerts();
    const outcomes = [];
    for (let i = 0; i <= ALERTS_PER_HOUR; i++) outcomes.push(await alertDownload(hour + i * 1_000));
    expect(outcomes.filter((o) => o === "sent")).toHaveLength(ALERTS_PER_HOUR);
    expect(outcomes.at(-1)).toBe("capped");
    const mails = await mailsContaining(sesUrl(), subject, { count: ALERTS_PER_HOUR });
    expect(mails).toHaveLength(ALERTS_PER_HOUR);
    expect(mails.filter((m) => m.body.text?.includes("not mailed"))).toHaveLength(1);
    expect(await inbox(sesUrl())).not.toHaveLength(0);
  });
});
