import { describe, expect, it } from "vitest";
import { downloadAlertMail } from "./download-alert";
import { digestMail } from "./digest-mail";

const digest = {
  day: "2026-04-30",
  views: 1234,
  visitors: 1,
  downloads: 3,
  messages: 0,
  totalViews: 98765,
  topSources: [],
};

describe("the daily digest mail", () => {
  it("says the day's numbers in the subject", () => {
    expect(digestMail(digest).subject).toBe(
      "Portfolio, 2026-04-30: 1,234 views, 1 visitor, 3 downloads, 0 messages",
    );
  });

  it("has the same rows in plain text and HTML", () => {
    const { text, html } = digestMail(digest);
    for (const [label, value] of [
      ["Views", "1,234"],
      ["Visitors", "1"],
      ["Resume downloads", "3"],
      ["Messages received", "0"],
      ["All-time views", "98,765"],
    ]) {
      expect(text).toMatch(new RegExp(`${label}:\\s+${value}\\n`));
      expect(html).toContain(`>${label}</th><td align="right">${value}</td>`);
    }
  });

  it("lists top sources with visitors and downloads when there are any, escaped in HTML", () => {
    expect(digestMail(digest).text).not.toContain("Top sources");
    const withSources = digestMail({
      ...digest,
      topSources: [
        { source: "<news.example>", visitors: 40, downloads: 3 },
        { source: "via:acme", visitors: 1, downloads: 1 },
      ],
    });
    expect(withSources.text).toContain(
      "Top sources:\n  <news.example>: 40 visitors, 3 downloads\n  via:acme: 1 visitor, 1 download",
    );
    expect(withSources.html).toContain("&lt;news.example&gt;");
    expect(withSources.html).not.toContain("<news.example>");
  });
});

describe("the download alert mail", () => {
  it("says when, in both halves, and says so when it is the last one this hour", () => {
    const at = Date.UTC(2026, 4, 1, 14, 3);
    const mail = downloadAlertMail(at, false);
    expect(mail.subject).toBe("Your resume was downloaded (2026-05-01 14:03 UTC)");
    expect(mail.text).toContain("at 2026-05-01 14:03 UTC");
    expect(mail.html).toContain("at 2026-05-01 14:03 UTC");
    expect(mail.text).not.toContain("not mailed");
    expect(downloadAlertMail(at, true).text).toContain("further downloads this hour are not mailed");
  });
});
