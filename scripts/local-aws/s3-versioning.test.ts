import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { isValidBucketName, keyFolderName } from "./bucket-name";
import { s3Versioning } from "./s3-versioning";

const work = mkdtempSync(path.join(tmpdir(), "portfolio-versioning-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const store = {
  getBucket: async () => ({}),
  getResourcePath: () => path.join(work, "nowhere"),
  getMetadata: async () => ({ etag: '"x"', "content-length": 0 }),
};

/** A PutBucketVersioning request as Koa hands it to the layer, before s3rver sees it. */
function putVersioning(rawPath: string, headers: Record<string, string> = {}) {
  const ctx = {
    method: "PUT",
    path: rawPath,
    query: { versioning: "" },
    headers,
    req: (async function* () {
      yield Buffer.from("<VersioningConfiguration><Status>Enabled</Status></VersioningConfiguration>");
    })(),
    status: 404,
    body: undefined as unknown,
    type: "",
    set: () => {},
  };
  return ctx;
}

describe("the versioning layer", () => {
  it("refuses a bucket name that is not one, before it touches the file system", async () => {
    const root = path.join(work, "data", "s3-versions");
    const layer = s3Versioning(store, root);
    for (const name of ["..", ".", "%2E%2E", "a..b", "UPPER", "ab", "192.168.0.1", "-start"]) {
      const ctx = putVersioning(`/${name}`);
      await layer(ctx, async () => {});
      expect(ctx.status, name).toBe(400);
      expect(String(ctx.body)).toContain("<Code>InvalidBucketName</Code>");
    }
    const copy = putVersioning("/good-bucket/key", { "x-amz-copy-source": "../key?versionId=1" });
    await layer({ ...copy, query: {} }, async () => {});
    // Nothing was written anywhere: not the versions folder, not above it.
    expect(existsSync(root)).toBe(false);
    expect(readdirSync(path.join(work))).toEqual([]);
  });

  it("still turns versioning on for a valid bucket", async () => {
    const root = path.join(work, "ok");
    const ctx = putVersioning("/my-bucket.example");
    await s3Versioning(store, root)(ctx, async () => {});
    expect(ctx.status).toBe(200);
    expect(existsSync(path.join(root, "my-bucket.example", "versioning-enabled"))).toBe(true);
  });
});

describe("bucket names and key folders", () => {
  it("follow S3's naming rules", () => {
    for (const name of ["serverless-portfolio-local-resume", "a.b-c", "abc", "a".repeat(63)])
      expect(isValidBucketName(name), name).toBe(true);
    for (const name of ["..", "a..b", "a_b", "Ab", "ab", "a".repeat(64), "a-", "10.0.0.1", "a/b"])
      expect(isValidBucketName(name), name).toBe(false);
  });

  it("never lets a key name a folder above its bucket's", () => {
    expect(keyFolderName("..")).toBe("%2E%2E");
    expect(keyFolderName(".")).toBe("%2E");
    expect(keyFolderName("../etc")).toBe("..%2Fetc");
    expect(keyFolderName("resume.pdf")).toBe("resume.pdf");
  });
});
