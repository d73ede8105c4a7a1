import { describe, expect, it } from "vitest";
import { portfolio } from "./content";
import { personJsonLd } from "./person-json-ld";

describe("personJsonLd", () => {
  it("describes the person from the content file", () => {
    const person = JSON.parse(personJsonLd(portfolio));
    expect(person).toMatchObject({
      "@context": "https://schema.org",
      "@type": "Person",
      name: portfolio.name,
      url: `${portfolio.siteUrl}/`,
      email: `mailto:${portfolio.contact.email}`,
      worksFor: { "@type": "Organization", name: "Northwind Logistics" },
    });
    expect(person.sameAs).toEqual(portfolio.contact.links.map((link) => link.url));
  });

  it("cannot close its <script> element, whatever the content says", () => {
    const hostile = { ...portfolio, summary: "</script><script>alert(1)</script>" };
    const json = personJsonLd(hostile);
    expect(json).not.toContain("<");
    expect(JSON.parse(json).description).toBe(hostile.summary);
  });
});
