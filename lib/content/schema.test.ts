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

  it.each(['cv"; evil=1.pdf', "../cv.pdf", "cv\r\nSet-Cookie: x.pdf", "cv.docx"])(
    "rejects a resume file name that is not a plain PDF name: %j",
    (fileName) => {
      expect(() => parsePortfolio({ ...portfolio, resume: { fileName } }, SOURCE)).toThrow(
        /resume\.fileName/,
      );
    },
  );

  it("accepts a non-ASCII resume file name", () => {
    expect(
      parsePortfolio({ ...portfolio, resume: { fileName: "José-Núñez-CV.pdf" } }, SOURCE).resume.fileName,
    ).toBe("José-Núñez-CV.pdf");
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
