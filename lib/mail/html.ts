// The HTML half of every mail: a plain, readable page. Everything that comes from
// outside goes through escape-html (the escaper Express uses), so a visitor's text shows
// as text: `<script>` arrives as "&lt;script&gt;".
import escapeHtml from "escape-html";

export { escapeHtml };

/** A full HTML document around `body` (already escaped HTML), with inline styles as mail clients need. */
export function htmlDocument(title: string, body: string): string {
  return [
    "<!doctype html>",
    '<html lang="en"><head><meta charset="utf-8">',
    `<title>${escapeHtml(title)}</title></head>`,
    '<body style="margin:0;padding:24px;background:#f7f7f5;color:#1b1d21;font:16px/1.5 -apple-system,Segoe UI,Roboto,Arial,sans-serif">',
    '<div style="max-width:640px;margin:0 auto;background:#fff;border:1px solid #dcdde0;border-radius:12px;padding:24px">',
    body,
    "</div></body></html>",
  ].join("\n");
}

/** Text with its line breaks kept, escaped. */
export const htmlLines = (text: string) => escapeHtml(text).replace(/\n/g, "<br>\n");
