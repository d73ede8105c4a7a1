// The owner's report as terminal text: one sparkline row per daily counter, then tables.
import type { Report } from "./report";

const BARS = "▁▂▃▄▅▆▇█";
const TOP = 10;

/** One character per day, scaled to the row's largest day; a day with none is "·". */
export function sparkline(values: number[]): string {
  const max = Math.max(0, ...values);
  return values
    .map((value) => (value <= 0 ? "·" : BARS[Math.max(0, Math.ceil((value / max) * BARS.length) - 1)]))
    .join("");
}

const n = (value: number) => value.toLocaleString("en-US");
const percent = (rate: number) => `${Math.round(rate * 100)}%`;

/** Columns two spaces apart: names left-aligned ("l"), numbers right-aligned ("r"). */
function table(header: string[], rows: string[][], align = "lrrr"): string[] {
  const all = [header, ...rows];
  const widths = header.map((_, i) => Math.max(...all.map((row) => (row[i] ?? "").length)));
  const cell = (text: string, i: number) =>
    align[i] === "l" ? text.padEnd(widths[i] ?? 0) : text.padStart(widths[i] ?? 0);
  return all.map((row) => `  ${row.map(cell).join("  ")}`.trimEnd());
}

export function reportText(report: Report): string {
  const count = report.days.length;
  const rows = (["views", "visitors", "downloads"] as const).map((key) => [
    key[0]!.toUpperCase() + key.slice(1),
    n(report.totals[key]),
    sparkline(report.days.map((day) => day[key])),
  ]);
  const lines = [
    `Portfolio, ${report.from} to ${report.to} (${count} ${count === 1 ? "day" : "days"}, UTC)`,
    "",
    ...table(["", "total", `daily, ${report.from} → ${report.to}`], rows, "lrl"),
    "",
    "Top sources",
    ...(report.sources.length === 0
      ? ["  (no visitors yet)"]
      : table(
          ["source", "visitors", "downloads", "rate"],
          report.sources
            .slice(0, TOP)
            .map((row) => [row.source, n(row.visitors), n(row.downloads), percent(row.downloadRate)]),
        )),
    "",
    "Attribution links",
    ...(report.links.length === 0
      ? ['  (none yet: npm run links -- add acme "Acme, Staff Engineer application")']
      : table(
          ["tag", "visitors", "downloads", "link"],
          report.links.map((link) => [
            link.label ? `${link.tag} (${link.label})` : link.tag,
            n(link.visitors),
            n(link.downloads),
            link.url,
          ]),
          "lrrl",
        )),
    "",
    "Top countries",
    ...(report.countries.length === 0
      ? ["  (no visitors yet)"]
      : table(
          ["country", "visitors"],
          report.countries.slice(0, TOP).map((row) => [row.country, n(row.visitors)]),
        )),
  ];
  return lines.join("\n");
}
