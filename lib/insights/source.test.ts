import { describe, expect, it } from "vitest";
import { isTag, resolveSource, viaTag, viewerCountry } from "./source";

const tags = new Set(["acme", "globex-staff-2026"]);
const ownHosts = ["ada-okafor.example.com", "d111111abcdef8.cloudfront.net"];
const from = (input: { via?: string; utmSource?: string; referrer?: string }) =>
  resolveSource({ ...input, ownHosts, tags });

describe("resolveSource", () => {
  it("takes an attribution tag the owner created, whatever else the request says", () => {
    expect(from({ via: "acme" })).toBe("via:acme");
    expect(from({ via: " ACME ", utmSource: "linkedin", referrer: "https://www.linkedin.com/" })).toBe(
      "via:acme",
    );
    expect(from({ via: "globex-staff-2026" })).toBe("via:globex-staff-2026");
  });

  it("counts a tag the owner did not create as direct, so strangers cannot write their own", () => {
    expect(from({ via: "evil" })).toBe("direct");
    expect(from({ via: "evil", referrer: "https://news.ycombinator.com/" })).toBe("direct");
    expect(from({ via: "<script>alert(1)</script>" })).toBe("direct");
    expect(from({ via: "a".repeat(5_000) })).toBe("direct");
    expect(from({ via: "acme/../x" })).toBe("direct");
  });

  it("takes a plain utm_source next, lowercased", () => {
    expect(from({ utmSource: "LinkedIn", referrer: "https://t.co/abc" })).toBe("utm:linkedin");
    expect(from({ utmSource: "newsletter_dec-2026.v2" })).toBe("utm:newsletter_dec-2026.v2");
  });

  it("ignores a utm_source that is garbage, over-long or an address, and falls back to the referrer", () => {
    const referrer = "https://www.linkedin.com/feed/";
    expect(from({ utmSource: "bob@example.com", referrer })).toBe("ref:linkedin.com");
    expect(from({ utmSource: "a b", referrer })).toBe("ref:linkedin.com");
    expect(from({ utmSource: "x".repeat(41), referrer })).toBe("ref:linkedin.com");
    expect(from({ utmSource: "203.0.113.9", referrer })).toBe("ref:linkedin.com");
    expect(from({ utmSource: "", referrer })).toBe("ref:linkedin.com");
    expect(from({ utmSource: "x".repeat(41) })).toBe("direct");
  });

  it("reduces a referrer to its registrable domain with the Public Suffix List", () => {
    expect(from({ referrer: "https://www.linkedin.com/in/someone?trk=abc" })).toBe("ref:linkedin.com");
    expect(from({ referrer: "https://news.ycombinator.com/item?id=1" })).toBe("ref:ycombinator.com");
    expect(from({ referrer: "https://jobs.bbc.co.uk/careers/x" })).toBe("ref:bbc.co.uk");
    expect(from({ referrer: "http://a.b.example.co.uk:8080/p" })).toBe("ref:example.co.uk");
    expect(from({ referrer: "HTTPS://WWW.GOOGLE.COM/" })).toBe("ref:google.com");
    // A private suffix: each site on github.io is its own source.
    expect(from({ referrer: "https://someone.github.io/blog" })).toBe("ref:someone.github.io");
    // An internationalised name, as punycode.
    expect(from({ referrer: "https://www.bücher.de/" })).toBe("ref:xn--bcher-kva.de");
  });

  it("keeps no path, query or port of the referrer", () => {
    const source = from({ referrer: "https://mail.google.com:443/mail/u/0/?q=secret#inbox" });
    expect(source).toBe("ref:google.com");
  });

  it("counts our own site, empty and unusable referrers as direct", () => {
    expect(from({})).toBe("direct");
    expect(from({ referrer: "" })).toBe("direct");
    expect(from({ referrer: "https://ada-okafor.example.com/#projects" })).toBe("direct");
    expect(from({ referrer: "https://www.ada-okafor.example.com/" })).toBe("direct");
    expect(from({ referrer: "https://d111111abcdef8.cloudfront.net/" })).toBe("direct");
    expect(from({ referrer: "not a url" })).toBe("direct");
    expect(from({ referrer: "android-app://com.linkedin.android/" })).toBe("direct");
    expect(from({ referrer: "http://203.0.113.7/page" })).toBe("direct");
    expect(from({ referrer: "http://[2001:db8::1]/" })).toBe("direct");
    expect(from({ referrer: "http://localhost:3000/" })).toBe("direct");
    expect(from({ referrer: "https://co.uk/" })).toBe("direct");
  });

  it("counts an absurdly long registrable domain as other", () => {
    expect(from({ referrer: `https://www.${"a".repeat(63)}.co.uk/` })).toBe("other");
    expect(from({ referrer: `https://${"a".repeat(60)}.example.org/` })).toBe("ref:example.org");
  });
});

describe("tags", () => {
  it("are 1-32 lowercase letters, digits and inner hyphens", () => {
    expect(isTag("a")).toBe(true);
    expect(isTag("acme-2026")).toBe(true);
    expect(isTag("x".repeat(32))).toBe(true);
    expect(isTag("x".repeat(33))).toBe(false);
    for (const bad of ["", "-acme", "acme-", "Acme", "ac me", "acme.com", "ac_me", "é"])
      expect(isTag(bad), bad).toBe(false);
  });

  it("are read from a via parameter lowercased and trimmed, or not at all", () => {
    expect(viaTag(" Acme ")).toBe("acme");
    expect(viaTag("a b")).toBeUndefined();
    expect(viaTag(null)).toBeUndefined();
  });
});

describe("viewerCountry", () => {
  const headers = (country?: string) =>
    new Headers(country === undefined ? {} : { "cloudfront-viewer-country": country });

  it("is CloudFront's two-letter code behind CloudFront", () => {
    expect(viewerCountry(headers("FR"), true)).toBe("FR");
    expect(viewerCountry(headers(" gb "), true)).toBe("GB");
  });

  it("is unknown when absent, malformed, or not vouched for by CloudFront", () => {
    expect(viewerCountry(headers(), true)).toBe("unknown");
    expect(viewerCountry(headers("FRA"), true)).toBe("unknown");
    expect(viewerCountry(headers("F1"), true)).toBe("unknown");
    expect(viewerCountry(headers("<x>"), true)).toBe("unknown");
    expect(viewerCountry(headers("FR"), false)).toBe("unknown");
  });
});
