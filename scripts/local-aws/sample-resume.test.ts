import { describe, expect, it } from "vitest";
import { portfolio } from "../../lib/content";
import { renderSampleResume } from "./sample-resume";

describe("renderSampleResume", () => {
  it("renders a PDF", async () => {
    const pdf = await renderSampleResume(portfolio);
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(pdf.subarray(-6).toString("latin1")).toContain("%%EOF");
  });

  it("is byte-identical for identical content, so the seeder can tell a stale sample", async () => {
    const [a, b] = await Promise.all([renderSampleResume(portfolio), renderSampleResume(portfolio)]);
    expect(a.equals(b)).toBe(true);
    const changed = await renderSampleResume({ ...portfolio, name: "Someone Else" });
    expect(changed.equals(a)).toBe(false);
  });
});
