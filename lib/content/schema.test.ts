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

  // A production server uses the file as written (lib/content/index.ts): parsing must
  // check, never change, or the site would show something other than what was checked.
  it("passes the content through unchanged", () => {
    expect(parsePortfolio(portfolio, SOURCE)).toStrictEqual(portfolio);
  });

  it("names text with stray spaces around it instead of trimming it", () => {
    expect(() => parsePortfolio({ ...portfolio, name: " Ada " }, SOURCE)).toThrow(
      /must not start or end with spaces[\s\S]*at name/,
    );
    expect(() => parsePortfolio({ ...portfolio, name: "   " }, SOURCE)).toThrow(/must not be empty/);
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

describe("parsePortfolio: sections added for issue 7", () => {
  it("names a site URL that is not an origin", () => {
    const broken = { ...portfolio, siteUrl: "https://jane.dev/about" };
    expect(() => parsePortfolio(broken, SOURCE)).toThrow(/origin only[\s\S]*at siteUrl/);
  });

  it("requires at least one About paragraph", () => {
    expect(() => parsePortfolio({ ...portfolio, about: [] }, SOURCE)).toThrow(/at about/);
  });

  it("names a certification without a year", () => {
    const broken = { ...portfolio, certifications: [{ name: "CKA", issuer: "CNCF" }] };
    expect(() => parsePortfolio(broken, SOURCE)).toThrow(/certifications\[0\]\.year/);
  });

  it("names a project image's missing alt text", () => {
    const [first, ...rest] = portfolio.projects;
    const image = { src: "/a.png", width: 10, height: 10 };
    const broken = { ...portfolio, projects: [{ ...first, image }, ...rest] };
    expect(() => parsePortfolio(broken, SOURCE)).toThrow(/projects\[0\]\.image\.alt/);
  });

  it("treats certifications and project images as optional", () => {
    const minimal: Partial<typeof portfolio> = {
      ...portfolio,
      projects: portfolio.projects.map(({ title, description, technologies, links }) => ({
        title,
        description,
        technologies,
        links,
      })),
    };
    delete minimal.certifications;
    const parsed = parsePortfolio(minimal, SOURCE);
    expect(parsed.certifications).toBeUndefined();
    expect(parsed.projects.every((project) => project.image === undefined)).toBe(true);
  });
});
