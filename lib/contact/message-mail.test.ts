import { describe, expect, it } from "vitest";
import { messageMail } from "./message-mail";

const message = {
  id: "msg123",
  receivedAt: Date.UTC(2026, 4, 1, 9, 30),
  name: "Ada Lovelace",
  email: "ada@example.org",
  message: "Hello <b>there</b> & <script>alert(1)</script>\nSecond line",
};

describe("the owner's mail for a message", () => {
  it("names the sender in the subject and answers them with Reply", () => {
    const mail = messageMail(message);
    expect(mail.subject).toBe("Portfolio message from Ada Lovelace");
    expect(mail.replyTo).toBe("ada@example.org");
  });

  it("has a plain-text half with the message exactly as typed", () => {
    const { text } = messageMail(message);
    expect(text).toContain(message.message);
    expect(text).toContain("2026-05-01 09:30 UTC");
  });

  it("has an HTML half where the visitor's text shows as text, never as markup", () => {
    const { html } = messageMail({ ...message, name: 'Eve "<img src=x onerror=alert(1)>"' });
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain("&lt;b&gt;there&lt;/b&gt; &amp;");
    expect(html).not.toMatch(/<script|<img|onerror=alert\(1\)>/);
    expect(html).toContain("Second line");
    expect(html).toMatch(/<br>/);
  });

  it("keeps a header one line even if unvalidated input reached it", () => {
    const mail = messageMail({ ...message, name: "Eve\r\nBcc: victim@example.org\u2028X" });
    expect(mail.subject).not.toMatch(/[\r\n\u2028]/);
    expect(mail.subject).toBe("Portfolio message from Eve Bcc: victim@example.org X");
  });
});
