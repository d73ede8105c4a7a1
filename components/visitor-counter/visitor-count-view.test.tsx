import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { VisitorCountPlaceholder, VisitorCountView } from "./visitor-count-view";

describe("VisitorCountView", () => {
  it("shows the total, formatted, with its raw value, and today's numbers", () => {
    const html = renderToStaticMarkup(
      <VisitorCountView count={{ status: "ok", total: 12345, todayViews: 40, todayUniques: 12 }} />,
    );
    expect(html).toContain('data-testid="visitor-count"');
    expect(html).toContain('aria-live="polite"');
    expect(html).toContain('<data value="12345">12,345</data> visits so far');
    expect(html).toContain("40 today from 12 visitors");
  });

  it("uses the singular for one", () => {
    const html = renderToStaticMarkup(
      <VisitorCountView count={{ status: "ok", total: 1, todayViews: 1, todayUniques: 1 }} />,
    );
    expect(html).toContain("1</data> visit so far");
    expect(html).toContain("from 1 visitor<");
  });

  it("says plainly when the count is unavailable", () => {
    const html = renderToStaticMarkup(<VisitorCountView count={{ status: "unavailable" }} />);
    expect(html).toContain('data-status="unavailable"');
    expect(html).toContain("Visitor count unavailable");
  });

  it("has a placeholder without the test id, so tests never read it as the count", () => {
    expect(renderToStaticMarkup(<VisitorCountPlaceholder />)).not.toContain("data-testid");
  });
});
