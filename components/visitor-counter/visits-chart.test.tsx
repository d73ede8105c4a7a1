import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { VisitsChart } from "./visits-chart";

const history = Array.from({ length: 30 }, (_, i) => ({
  day: `2026-11-${String(i + 1).padStart(2, "0")}`,
  views: i === 19 ? 90 : i,
  uniques: Math.floor(i / 2),
  downloads: i % 7 === 0 ? 1 : 0,
}));

describe("VisitsChart", () => {
  const html = renderToStaticMarkup(<VisitsChart history={history} />);

  it("draws a views bar and a uniques bar for each of the 30 days", () => {
    expect(html.match(/class="bar-views"/g)).toHaveLength(30);
    expect(html.match(/class="bar-uniques"/g)).toHaveLength(30);
  });

  it("scales bars to the busiest day", () => {
    expect(html).toContain('height="116"'); // the 90-view day fills the chart's 116 px
  });

  it("gives screen readers a summary and the daily numbers", () => {
    const views = history.reduce((sum, day) => sum + day.views, 0);
    expect(html).toContain(`role="img" aria-label="Last 30 days: ${views} views`);
    expect(html).toContain("busiest day 2026-11-20 with 90 views");
    expect(html.match(/<tr>/g)).toHaveLength(31);
  });
});
