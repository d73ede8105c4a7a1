// The mail the owner gets for a message: the subject names the sender, "Reply" answers
// the sender (Reply-To), and both halves show the message exactly as typed.
import type { Mail } from "../mail/ses";
import { headerText } from "../mail/header-text";
import { escapeHtml, htmlDocument, htmlLines } from "../mail/html";
import type { Message } from "./messages";

export function messageMail(message: Message): Mail {
  const name = headerText(message.name, 100);
  const received = new Date(message.receivedAt).toISOString().replace("T", " ").slice(0, 16) + " UTC";
  const subject = `Portfolio message from ${name}`;
  const text = [
    `${name} <${message.email}> wrote through your portfolio's contact form on ${received}:`,
    "",
    message.message,
    "",
    "-- ",
    `Reply to this mail to answer ${name}. Message id: ${message.id}`,
  ].join("\n");
  const html = htmlDocument(
    subject,
    [
      `<p><strong>${escapeHtml(name)}</strong> &lt;<a href="mailto:${escapeHtml(message.email)}">${escapeHtml(message.email)}</a>&gt;`,
      `wrote through your portfolio's contact form on ${escapeHtml(received)}:</p>`,
      `<blockquote style="margin:16px 0;padding:12px 16px;border-left:4px solid #0b5cad;background:#f7f7f5">${htmlLines(message.message)}</blockquote>`,
      `<p style="color:#50555e;font-size:14px">Reply to this mail to answer ${escapeHtml(name)}. Message id: ${escapeHtml(message.id)}</p>`,
    ].join("\n"),
  );
  return { subject, text, html, replyTo: message.email };
}
