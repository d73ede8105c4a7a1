import { describe, expect, it } from "vitest";
import { portfolio } from "./portfolio";
import { parsePortfolio } from "./schema";

const SOURCE = "lib/content/portfolio.ts";

describe("parsePortfolio", () => {
  it("accepts the shipped example content", () => {
    const parsed = parsePortfolio(portfolio, SOURCE);
    expect(parsed.name).toBe(portfolio.name);
    expect(parsed.resume.fileName).toMatch(/\.pdf$/);
  });

  it("names the bad field and the file when a value is wrong", () => {
    const [first, ...rest] = portfolio.experience;
    const broken = { ...portfolio, experience: [{ ...first, start: "March 2022" }, ...rest] };
    expect(() => parsePortfolio(broken, SOURCE)).toThrow(
      /lib\/content\/portfolio\.ts[\s\S]*experience\[0\]\.start/,
    );
  });

  it("names a missing required field", () => {
    const withoutHeadline: Partial<typeof portfolio> = { ...portfolio };
    delete withoutHeadline.headline;
    expect(() => parsePortfolio(withoutHeadline, SOURCE)).toThrow(/at headline/);
  });

  it("rejects a resume file name that would break Content-Disposition", () => {
    const broken = { ...portfolio, resume: { fileName: 'cv"; evil=1.pdf' } };
    expect(() => parsePortfolio(broken, SOURCE)).toThrow(/resume\.fileName/);
  });

  it("rejects an end date before the start date", () => {
    const [first, ...rest] = portfolio.experience;
    const broken = { ...portfolio, experience: [{ ...first, start: "2022-04", end: "2021-01" }, ...rest] };
    expect(() => parsePortfolio(broken, SOURCE)).toThrow(/experience\[0\]\.end/);
  });

  it("rejects links that are not http(s) or mailto", () => {
    const broken = {
      ...portfolio,
      contact: { ...portfolio.contact, links: [{ label: "x", url: "javascript:alert(1)" }] },
    };
    expect(() => parsePortfolio(broken, SOURCE)).toThrow(/contact\.links\[0\]\.url/);
  });
});
