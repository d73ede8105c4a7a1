import { GetObjectCommand } from "@aws-sdk/client-s3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { portfolio } from "../../lib/content";
import { RESUME_KEY } from "../../lib/resume/key";
import { ownerS3 } from "../support/owner-clients";
import { bodyBytes, invoke } from "./invoke";

const s3 = ownerS3();
const bucket = JSON.parse(process.env.SST_RESOURCE_Resume!).name as string;
let stored: Buffer;

beforeAll(async () => {
  const object = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: RESUME_KEY }));
  stored = Buffer.from(await object.Body!.transformToByteArray());
});
afterAll(() => s3.destroy());

describe("/resume/download speaks HTTP (OpenNext bundle)", () => {
  it("answers a Range with 206 and exactly those bytes", async () => {
    const result = await invoke("GET", "/resume/download", { range: "bytes=100-1123" });
    expect(result.statusCode).toBe(206);
    expect(result.headers["content-range"]).toBe(`bytes 100-1123/${stored.length}`);
    expect(result.headers["content-length"]).toBe("1024");
    expect(bodyBytes(result).equals(stored.subarray(100, 1124))).toBe(true);
  });

  it("answers 416 to a range past the end, and the whole file to a malformed one", async () => {
    const past = await invoke("GET", "/resume/download", { range: `bytes=${stored.length + 10}-` });
    expect(past.statusCode).toBe(416);
    expect(past.headers["content-range"]).toBe(`bytes */${stored.length}`);
    const malformed = await invoke("GET", "/resume/download", { range: "bytes=oops" });
    expect(malformed.statusCode).toBe(200);
    expect(bodyBytes(malformed).equals(stored)).toBe(true);
  });

  it("answers 304 with no body when If-None-Match holds the current ETag", async () => {
    const first = await invoke("GET", "/resume/download");
    const etag = first.headers.etag!;
    expect(etag).toMatch(/^"[^"]+"$/);
    expect(first.headers["last-modified"]).toMatch(/GMT$/);
    expect(first.headers["cache-control"]).toBe("private, max-age=60, must-revalidate");
    const again = await invoke("GET", "/resume/download", { "if-none-match": etag });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe("");
    expect(again.headers.etag).toBe(etag);
  });

  it("answers HEAD with the GET's headers and no body", async () => {
    const result = await invoke("HEAD", "/resume/download");
    expect(result.statusCode).toBe(200);
    expect(result.headers["content-length"]).toBe(String(stored.length));
    expect(result.headers["content-type"]).toBe("application/pdf");
    expect(result.body).toBe("");
  });

  it("shows the PDF inline at /resume", async () => {
    const result = await invoke("GET", "/resume");
    expect(result.statusCode).toBe(200);
    expect(result.headers["content-disposition"]).toBe(`inline; filename="${portfolio.resume.fileName}"`);
    expect(bodyBytes(result).equals(stored)).toBe(true);
  });

  it("above the size limit, redirects to a presigned S3 URL that really serves the file", async () => {
    process.env.RESUME_REDIRECT_ABOVE = "1000";
    try {
      const result = await invoke("GET", "/resume/download");
      expect(result.statusCode).toBe(302);
      const location = new URL(result.headers.location!);
      expect(Number(location.searchParams.get("X-Amz-Expires"))).toBeLessThanOrEqual(300);
      expect(location.searchParams.get("response-content-disposition")).toBe(
        `attachment; filename="${portfolio.resume.fileName}"`,
      );
      const fetched = await fetch(location);
      expect(fetched.status).toBe(200);
      expect(Buffer.from(await fetched.arrayBuffer()).equals(stored)).toBe(true);
    } finally {
      delete process.env.RESUME_REDIRECT_ABOVE;
    }
  });
});
