import { describe, expect, it } from "vitest";
import { image, siteUrl } from "./fields";

describe("siteUrl", () => {
  it("accepts an origin as written", () => {
    expect(siteUrl.parse("https://jane.dev")).toBe("https://jane.dev");
    expect(siteUrl.parse("http://localhost:3000")).toBe("http://localhost:3000");
  });

  it.each([
    "https://jane.dev/",
    "https://Jane.dev",
    "https://jane.dev:443",
    "https://jane.dev/portfolio",
    "https://jane.dev/?a=1",
    "https://jane.dev/#top",
    "ftp://jane.dev",
    "jane.dev",
  ])("rejects %s", (value) => {
    expect(siteUrl.safeParse(value).success).toBe(false);
  });
});

describe("image", () => {
  const valid = { src: "/images/a.webp", alt: "A picture", width: 800, height: 500 };

  it("accepts a picture in public/ with its size and alt text", () => {
    expect(image.parse(valid)).toEqual(valid);
  });

  it.each([
    ["a remote URL", { src: "https://cdn.example.com/a.png" }],
    ["a path outside public/", { src: "../secret.png" }],
    ["a file that is not a picture", { src: "/images/a.svg" }],
    ["empty alt text", { alt: " " }],
    ["a zero width", { width: 0 }],
  ])("rejects %s", (_, change) => {
    expect(image.safeParse({ ...valid, ...change }).success).toBe(false);
  });
});
