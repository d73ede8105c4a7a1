import { describe, expect, it } from "vitest";
import { etagListMatches, planResumeResponse, type ResumeRequest } from "./http";

const object = { size: 1_000, etag: '"abc123"', lastModified: new Date("2026-11-20T10:00:00Z") };
const options = { fileName: "Ada-Okafor-Resume.pdf", redirectAbove: 4_500_000 };
const plan = (request: Partial<ResumeRequest>, opts = options) =>
  planResumeResponse({ method: "GET", inline: false, ...request }, object, opts);

describe("planResumeResponse", () => {
  it("serves the whole file with validators, length and an attachment disposition", () => {
    expect(plan({})).toEqual({
      kind: "body",
      status: 200,
      headers: {
        ETag: '"abc123"',
        "Last-Modified": "Fri, 20 Nov 2026 10:00:00 GMT",
        "Cache-Control": "private, max-age=60, must-revalidate",
        "Content-Type": "application/pdf",
        "Content-Disposition": 'attachment; filename="Ada-Okafor-Resume.pdf"',
        "Content-Length": "1000",
        "Accept-Ranges": "bytes",
      },
    });
  });

  it("answers 304 when If-None-Match holds the current ETag, weak or in a list, or *", () => {
    for (const header of ['"abc123"', 'W/"abc123"', '"old", "abc123"', "*"]) {
      expect(plan({ ifNoneMatch: header }).status, header).toBe(304);
    }
    expect(plan({ ifNoneMatch: '"old"' }).status).toBe(200);
    expect(plan({ ifNoneMatch: "garbage\u0000,,," }).status).toBe(200);
  });

  it.each([
    ["bytes=0-99", 0, 99],
    ["bytes=900-", 900, 999],
    ["bytes=-100", 900, 999],
    ["bytes=950-5000", 950, 999],
    ["bytes=0-9,10-19", 0, 19],
  ])("serves %s as 206 with Content-Range", (range, start, end) => {
    const result = plan({ range });
    expect(result).toMatchObject({ kind: "body", status: 206, range: { start, end } });
    expect(result.headers["Content-Range"]).toBe(`bytes ${start}-${end}/1000`);
    expect(result.headers["Content-Length"]).toBe(String(end - start + 1));
  });

  it("answers 416 with the size for a range past the end", () => {
    expect(plan({ range: "bytes=1000-1100" })).toMatchObject({
      status: 416,
      headers: { "Content-Range": "bytes */1000" },
    });
  });

  it.each([
    "bytes=abc",
    "bytes=5-2",
    "pages=1-2",
    "bytes=0-1,500-600",
    "nonsense",
    `bytes=${"1".repeat(300)}-`,
  ])("ignores a malformed or unusable Range (%s) and serves the whole file", (range) => {
    expect(plan({ range }).status).toBe(200);
  });

  it("honours If-Range: the range only while the ETag or date still matches", () => {
    expect(plan({ range: "bytes=0-9", ifRange: '"abc123"' }).status).toBe(206);
    expect(plan({ range: "bytes=0-9", ifRange: '"old"' }).status).toBe(200);
    expect(plan({ range: "bytes=0-9", ifRange: "Fri, 20 Nov 2026 10:00:00 GMT" }).status).toBe(206);
    expect(plan({ range: "bytes=0-9", ifRange: "Thu, 19 Nov 2026 10:00:00 GMT" }).status).toBe(200);
  });

  it("redirects to S3 above the size limit, whole file or range", () => {
    const small = { ...options, redirectAbove: 500 };
    expect(plan({}, small)).toMatchObject({
      kind: "redirect",
      status: 302,
      headers: { "Cache-Control": "no-store" },
    });
    expect(plan({ range: "bytes=0-99" }, small).status).toBe(206);
    expect(plan({ range: "bytes=0-600" }, small).status).toBe(302);
  });

  it("shows the file inline when asked", () => {
    expect(plan({ inline: true }).headers["Content-Disposition"]).toBe(
      'inline; filename="Ada-Okafor-Resume.pdf"',
    );
  });

  it("encodes a non-ASCII file name per RFC 8187, with an ASCII fallback", () => {
    const result = plan({}, { ...options, fileName: "José-Núñez-CV.pdf" });
    expect(result.headers["Content-Disposition"]).toBe(
      "attachment; filename=\"Jos_-N__ez-CV.pdf\"; filename*=UTF-8''Jos%C3%A9-N%C3%BA%C3%B1ez-CV.pdf",
    );
  });
});

describe("etagListMatches", () => {
  it("uses weak comparison", () => {
    expect(etagListMatches('W/"x"', '"x"')).toBe(true);
    expect(etagListMatches('"y"', '"x"')).toBe(false);
  });
});
