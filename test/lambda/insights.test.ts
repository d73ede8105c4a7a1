import { describe, expect, it } from "vitest";
import { addLink } from "@/lib/insights/links";
import { readInsights } from "@/lib/insights/reads";
import { utcDay } from "@/lib/visits/table";
import { BROWSER, invoke } from "./invoke";

// What CloudFront hands the function: the viewer's address and country, the Referer and
// the page URL's query (test/infra/site.test.ts checks the distribution forwards them).
const viewer = (n: number, extra: Record<string, string> = {}) => ({
  "user-agent": `${BROWSER} recruiter-${n}`,
  "cloudfront-viewer-address": `198.51.100.${n}:443`,
  ...extra,
});

async function today() {
  const [day] = await readInsights([utcDay()]);
  return {
    source: (source: string) => day?.sources.get(source) ?? { visitors: 0, downloads: 0 },
    country: (country: string) => day?.countries.get(country) ?? 0,
  };
}

describe("sources and countries on the OpenNext bundle", () => {
  it("counts a tagged link's visitor and their download under the tag, with CloudFront's country", async () => {
    await addLink("lambda-acme", "Acme, from the Lambda test");
    const before = await today();
    const page = await invoke(
      "GET",
      "/?via=lambda-acme&utm_source=ignored",
      viewer(61, { "cloudfront-viewer-country": "fr" }),
    );
    expect(page.statusCode).toBe(200);
    // A reload from another page of ours keeps the first view's source.
    await invoke("GET", "/", viewer(61, { referer: "https://www.linkedin.com/feed/" }));
    const download = await invoke("GET", "/resume/download", viewer(61));
    expect(download.statusCode).toBe(200);

    const after = await today();
    expect(after.source("via:lambda-acme")).toEqual({
      visitors: before.source("via:lambda-acme").visitors + 1,
      downloads: before.source("via:lambda-acme").downloads + 1,
    });
    expect(after.source("ref:linkedin.com")).toEqual(before.source("ref:linkedin.com"));
    expect(after.country("FR")).toBe(before.country("FR") + 1);
  });

  it("reduces a Referer to its registrable domain; a made-up tag, a forged header and no country are direct and unknown", async () => {
    const before = await today();
    await invoke("GET", "/", viewer(62, { referer: "https://uk.linkedin.com/jobs/view/123?refId=secret" }));
    await invoke("GET", "/?via=made-up-tag", viewer(63, { referer: "https://www.linkedin.com/" }));
    // The header proxy.ts passes the query on in is its own: a client's is overwritten.
    await invoke("GET", "/", viewer(64, { "x-portfolio-attribution": "via=lambda-acme" }));
    const after = await today();
    expect(after.source("ref:linkedin.com").visitors).toBe(before.source("ref:linkedin.com").visitors + 1);
    expect(after.source("direct").visitors).toBe(before.source("direct").visitors + 2);
    expect(after.source("via:lambda-acme")).toEqual(before.source("via:lambda-acme"));
    expect(after.source("via:made-up-tag").visitors).toBe(0);
    expect(after.country("unknown")).toBe(before.country("unknown") + 3);
  });
});
