import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { VisitorCountView } from "./visitor-count-view";

describe("VisitorCountView", () => {
  it("shows the count, formatted, with its raw value for machines", () => {
    const html = renderToStaticMarkup(<VisitorCountView visits={{ status: "ok", count: 12345 }} />);
    expect(html).toContain('data-testid="visitor-count"');
    expect(html).toContain('<data value="12345">12,345</data> visits so far');
  });

  it("uses the singular for one visit", () => {
    const html = renderToStaticMarkup(<VisitorCountView visits={{ status: "ok", count: 1 }} />);
    expect(html).toContain("1</data> visit so far");
  });

  it("says plainly when the count is unavailable", () => {
    const html = renderToStaticMarkup(<VisitorCountView visits={{ status: "unavailable" }} />);
    expect(html).toContain('data-status="unavailable"');
    expect(html).toContain("Visitor count unavailable");
  });
});
