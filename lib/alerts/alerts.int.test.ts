import { randomUUID } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { contactEvent, personFields } from "@/test/support/contact-event";
import { inbox, mailsContaining } from "@/test/support/ses-inbox";
import { handleContact } from "../contact/handler";
import { recordDownload, recordView } from "../visits/writes";
import { ALERTS_PER_HOUR, alertDownload } from "./download-alert";
import { collectDigest, sendDailyDigest } from "./digest";

const SES = process.env.AWS_ENDPOINT_URL_SESV2 ?? "";
const sesUrl = () => SES;

describe("the daily digest", () => {
  it("reports yesterday's views, visitors, downloads and messages, in a mail to the owner", async () => {
    const now = new Date();
    const yesterdayNoon = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - 1, 12);
    const yesterday = new Date(yesterdayNoon).toISOString().slice(0, 10);
    const before = await collectDigest(now);
    expect(before.day).toBe(yesterday);

    await recordView(yesterday, randomUUID());
    await recordView(yesterday, randomUUID());
    await recordDownload(new Date(yesterdayNoon));
    for (const ip of ["198.51.100.21", "198.51.100.22", "198.51.100.23"]) {
      const sent = await handleContact(
        contactEvent(personFields(randomUUID(), yesterdayNoon), { clientIp: ip }),
        {
          now: yesterdayNoon,
        },
      );
      expect(sent.statusCode).toBe(303);
    }

    const { digest } = await sendDailyDigest(now);
    expect(digest).toMatchObject({
      day: yesterday,
      views: before.views + 2,
      visitors: before.visitors + 2,
      downloads: before.downloads + 1,
      messages: before.messages + 3,
    });
    const [mail] = await mailsContaining(sesUrl(), `Portfolio, ${yesterday}: ${digest.views} views`);
    expect(mail?.body.text).toMatch(new RegExp(`Messages received:\\s+${digest.messages}\\n`));
    expect(mail?.body.html).toContain(`>Messages received</th><td align="right">${digest.messages}</td>`);
  });
});

describe("the download alert", () => {
  // An hour of its own, so the hourly cap starts from zero.
  const hour = Date.UTC(2031, 0, 1, 5, 10);
  const subject = "Your resume was downloaded (2031-01-01 05:";

  it("is off by default: nothing is sent", async () => {
    expect(await alertDownload(hour)).toBe("off");
    expect(await mailsContaining(sesUrl(), subject, { timeoutMs: 0 })).toEqual([]);
  });

  it("when on, mails the owner on each download, at most ten an hour, saying so in the last", async () => {
    vi.stubEnv("PORTFOLIO_DOWNLOAD_ALERT", "on");
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
