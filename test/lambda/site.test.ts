import { GetObjectCommand, PutObjectCommand } from "@aws-sdk/client-s3";
import { afterAll, describe, expect, it } from "vitest";
import { portfolio } from "../../lib/content";
import { RESUME_KEY } from "../../lib/resume/key";
import { ownerS3 } from "../support/owner-clients";
import { bodyBytes, invoke, shownCount } from "./invoke";

const s3 = ownerS3();
const bucket = JSON.parse(process.env.SST_RESOURCE_Resume!).name as string;
afterAll(() => s3.destroy());

describe("the OpenNext server function, invoked as Lambda would", () => {
  it("renders / with the live count, one more on each request", async () => {
    const first = await invoke("GET", "/");
    expect(first.statusCode).toBe(200);
    expect(first.headers["content-type"]).toMatch(/^text\/html/);
    const html = bodyBytes(first).toString();
    expect(html).toContain(portfolio.name);
    expect(html).toContain('href="/resume/download"');
    const second = await invoke("GET", "/");
    expect(shownCount(bodyBytes(second).toString())).toBe(shownCount(html) + 1);
  });

  it("streams the resume: base64 body identical to the S3 object, with download headers", async () => {
    const object = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: RESUME_KEY }));
    const stored = Buffer.from(await object.Body!.transformToByteArray());

    const result = await invoke("GET", "/resume/download");
    expect(result.statusCode).toBe(200);
    expect(result.isBase64Encoded).toBe(true);
    expect(bodyBytes(result).equals(stored)).toBe(true);
    expect(result.headers["content-type"]).toBe("application/pdf");
    expect(result.headers["content-length"]).toBe(String(stored.length));
    expect(result.headers["content-disposition"]).toBe(`attachment; filename="${portfolio.resume.fileName}"`);
  });

  it("counts a visitor's completed download once a day, but not a bot's, in today's stats", async () => {
    const downloads = async () =>
      (
        JSON.parse(bodyBytes(await invoke("GET", "/api/visits")).toString()) as {
          today: { downloads: number };
        }
      ).today.downloads;
    const before = await downloads();
    // A visitor of this test's own (other tests download as the default one).
    const visitor = { "cloudfront-viewer-address": "198.51.100.77:50123" };
    await invoke("GET", "/resume/download", visitor);
    await invoke("GET", "/resume/download", visitor);
    await invoke("GET", "/resume/download", {
      "user-agent": "Googlebot/2.1 (+http://www.google.com/bot.html)",
    });
    expect(await downloads()).toBe(before + 1);
  });

  it("answers 405 with an Allow header to other methods", async () => {
    for (const method of ["POST", "PUT", "DELETE"]) {
      const result = await invoke(method, "/resume/download");
      expect(result.statusCode, method).toBe(405);
      expect(result.headers.allow).toBe("GET, HEAD");
      expect(JSON.parse(bodyBytes(result).toString())).toEqual({
        error: `${method} is not allowed here; use GET.`,
      });
    }
  });

  it("answers 404 with a clear message when no resume was uploaded", async () => {
    const object = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: RESUME_KEY }));
    const stored = Buffer.from(await object.Body!.transformToByteArray());
    const { DeleteObjectCommand } = await import("@aws-sdk/client-s3");
    await s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: RESUME_KEY }));
    try {
      const result = await invoke("GET", "/resume/download");
      expect(result.statusCode).toBe(404);
      expect(JSON.parse(bodyBytes(result).toString())).toEqual({ error: "No resume has been uploaded yet." });
    } finally {
      await s3.send(new PutObjectCommand({ Bucket: bucket, Key: RESUME_KEY, Body: stored }));
    }
  });
});
