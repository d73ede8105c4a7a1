// The digest as a mail: a subject that already says the numbers, a plain-text table and
// an HTML table with the same rows.
import type { Mail } from "../mail/ses";
import { escapeHtml, htmlDocument } from "../mail/html";
import type { Digest } from "./digest";

const number = (n: number) => n.toLocaleString("en-US");
const plural = (n: number, one: string, many: string) => `${number(n)} ${n === 1 ? one : many}`;

export function digestMail(digest: Digest): Mail {
  const rows: [string, string][] = [
    ["Views", number(digest.views)],
    ["Visitors", number(digest.visitors)],
    ["Resume downloads", number(digest.downloads)],
    ["Messages received", number(digest.messages)],
    ["All-time views", number(digest.totalViews)],
  ];
  const sources = digest.topSources;
  const sourceLine = (s: Digest["topSources"][number]) =>
    `${plural(s.visitors, "visitor", "visitors")}, ${plural(s.downloads, "download", "downloads")}`;
  const subject =
    `Portfolio, ${digest.day}: ${plural(digest.views, "view", "views")}, ` +
    `${plural(digest.visitors, "visitor", "visitors")}, ${plural(digest.downloads, "download", "downloads")}, ` +
    plural(digest.messages, "message", "messages");
  const width = Math.max(...rows.map(([label]) => label.length));
  const text = [
    `Your portfolio on ${digest.day} (UTC):`,
    "",
    ...rows.map(([label, value]) => `${`${label}:`.padEnd(width + 2)}${value}`),
    ...(sources.length > 0
      ? ["", "Top sources:", ...sources.map((s) => `  ${s.source}: ${sourceLine(s)}`)]
      : []),
    "",
    "-- ",
    "Sent daily by your portfolio. Messages arrive in their own mails.",
  ].join("\n");
  const cell = 'style="padding:4px 16px 4px 0"';
  const table = (entries: [string, string][]) =>
    `<table style="border-collapse:collapse">${entries
      .map(
        ([label, value]) =>
          `<tr><th scope="row" align="left" ${cell}>${escapeHtml(label)}</th><td align="right">${escapeHtml(value)}</td></tr>`,
      )
      .join("")}</table>`;
  const html = htmlDocument(
    subject,
    [
      `<h1 style="font-size:20px;margin:0 0 16px">Your portfolio on ${escapeHtml(digest.day)} (UTC)</h1>`,
      table(rows),
      ...(sources.length > 0
        ? [
            '<h2 style="font-size:16px">Top sources</h2>',
            table(sources.map((s) => [s.source, sourceLine(s)])),
          ]
        : []),
      '<p style="color:#50555e;font-size:14px">Sent daily by your portfolio. Messages arrive in their own mails.</p>',
    ].join("\n"),
  );
  return { subject, text, html };
}
