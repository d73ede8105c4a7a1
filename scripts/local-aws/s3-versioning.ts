import { randomBytes } from "node:crypto";
import { copyFile, mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { isValidBucketName, keyFolderName } from "./bucket-name";

// s3rver answers NotImplemented to bucket versioning. The deployed bucket is versioned
// and the resume tool lists and restores versions, so the local stack adds the part of
// the S3 API it uses, in front of s3rver: PutBucketVersioning/GetBucketVersioning,
// a version recorded on every PutObject and CompleteMultipartUpload,
// ListObjectVersions, and CopyObject from a `?versionId=` source. It runs before s3rver's
// own checks, so it checks bucket names itself before any becomes a folder name.

type Store = {
  getBucket(bucket: string): Promise<unknown>;
  getResourcePath(bucket: string, key: string, resource: string): string;
  getMetadata(bucket: string, key: string): Promise<{ etag: string; "content-length": number }>;
};
type Context = {
  method: string;
  path: string;
  query: Record<string, string | string[] | undefined>;
  headers: Record<string, string | string[] | undefined>;
  req: AsyncIterable<Buffer>;
  status: number;
  body: unknown;
  type: string;
  set(name: string, value: string): void;
};
type Version = { versionId: string; key: string; lastModified: string; etag: string; size: number };

const RESOURCES = ["object", "metadata.json", "object.md5"];
const xmlEscape = (text: string) => text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function s3Versioning(store: Store, root: string) {
  const keyDir = (bucket: string, key: string) => path.join(root, bucket, keyFolderName(key));
  const enabledFile = (bucket: string) => path.join(root, bucket, "versioning-enabled");
  const isEnabled = (bucket: string) =>
    readFile(enabledFile(bucket)).then(
      () => true,
      () => false,
    );

  async function snapshot(bucket: string, key: string): Promise<Version> {
    const metadata = await store.getMetadata(bucket, key);
    const versionId = `${Date.now().toString().padStart(14, "0")}${randomBytes(6).toString("hex")}`;
    const dir = path.join(keyDir(bucket, key), versionId);
    await mkdir(dir, { recursive: true });
    for (const resource of RESOURCES) {
      await copyFile(store.getResourcePath(bucket, key, resource), path.join(dir, resource)).catch(() => {});
    }
    const version = {
      versionId,
      key,
      lastModified: new Date().toISOString(),
      etag: metadata.etag,
      size: Number(metadata["content-length"]),
    };
    await writeFile(path.join(dir, "version.json"), JSON.stringify(version));
    return version;
  }

  async function versions(bucket: string, prefix: string): Promise<Version[]> {
    const keys = await readdir(path.join(root, bucket)).catch(() => []);
    const found: Version[] = [];
    for (const encoded of keys) {
      if (!decodeURIComponent(encoded).startsWith(prefix) || encoded === "versioning-enabled") continue;
      for (const id of await readdir(path.join(root, bucket, encoded))) {
        found.push(
          JSON.parse(await readFile(path.join(root, bucket, encoded, id, "version.json"), "utf8")) as Version,
        );
      }
    }
    return found.sort((a, b) =>
      a.key === b.key ? b.versionId.localeCompare(a.versionId) : a.key.localeCompare(b.key),
    );
  }

  function xml(ctx: Context, status: number, body: string) {
    ctx.status = status;
    ctx.type = "application/xml";
    ctx.body = `<?xml version="1.0" encoding="UTF-8"?>\n${body}`;
  }

  return async function versioning(ctx: Context, next: () => Promise<void>): Promise<void> {
    const [bucket = "", ...keyParts] = ctx.path.slice(1).split("/");
    const key = safeDecode(keyParts.join("/"));
    const ns = 'xmlns="http://s3.amazonaws.com/doc/2006-03-01/"';
    const copySource = ctx.headers["x-amz-copy-source"];
    const sourceBucket =
      typeof copySource === "string" ? safeDecode(copySource).replace(/^\//, "").split("/")[0] : undefined;
    const invalid = [bucket, sourceBucket].find(
      (name) => name !== undefined && name !== "" && !isValidBucketName(name),
    );
    if (invalid !== undefined) {
      return xml(
        ctx,
        400,
        `<Error><Code>InvalidBucketName</Code><Message>The specified bucket is not valid.</Message><BucketName>${xmlEscape(invalid)}</BucketName></Error>`,
      );
    }

    if (!key && ("versioning" in ctx.query || "versions" in ctx.query) && !(await store.getBucket(bucket))) {
      return xml(
        ctx,
        404,
        `<Error><Code>NoSuchBucket</Code><Message>The specified bucket does not exist</Message><BucketName>${xmlEscape(bucket)}</BucketName></Error>`,
      );
    }

    if (!key && "versioning" in ctx.query) {
      if (ctx.method === "PUT") {
        let body = "";
        for await (const chunk of ctx.req) body += chunk.toString();
        await mkdir(path.join(root, bucket), { recursive: true });
        if (body.includes("<Status>Enabled</Status>")) await writeFile(enabledFile(bucket), "");
        ctx.status = 200;
        ctx.body = "";
        return;
      }
      const status = (await isEnabled(bucket)) ? "<Status>Enabled</Status>" : "";
      return xml(ctx, 200, `<VersioningConfiguration ${ns}>${status}</VersioningConfiguration>`);
    }

    if (!key && ctx.method === "GET" && "versions" in ctx.query) {
      const prefix = typeof ctx.query.prefix === "string" ? ctx.query.prefix : "";
      const entries = (await versions(bucket, prefix)).map(
        (v, i, all) =>
          `<Version><Key>${xmlEscape(v.key)}</Key><VersionId>${v.versionId}</VersionId>` +
          `<IsLatest>${i === 0 || all[i - 1]?.key !== v.key}</IsLatest><LastModified>${v.lastModified}</LastModified>` +
          `<ETag>${xmlEscape(v.etag)}</ETag><Size>${v.size}</Size><StorageClass>STANDARD</StorageClass></Version>`,
      );
      return xml(
        ctx,
        200,
        `<ListVersionsResult ${ns}><Name>${xmlEscape(bucket)}</Name><Prefix>${xmlEscape(prefix)}</Prefix>` +
          `<MaxKeys>1000</MaxKeys><IsTruncated>false</IsTruncated>${entries.join("")}</ListVersionsResult>`,
      );
    }

    if (key && ctx.method === "PUT" && typeof copySource === "string" && copySource.includes("versionId=")) {
      const [source = "", query = ""] = decodeURIComponent(copySource).replace(/^\//, "").split("?");
      const [srcBucket = "", ...srcKey] = source.split("/");
      const versionId = new URLSearchParams(query).get("versionId") ?? "";
      const dir = path.join(keyDir(srcBucket, srcKey.join("/")), path.basename(versionId));
      const exists = await readFile(path.join(dir, "version.json")).then(
        () => true,
        () => false,
      );
      if (!exists) {
        return xml(
          ctx,
          404,
          `<Error><Code>NoSuchVersion</Code><Message>The specified version does not exist.</Message><Key>${xmlEscape(key)}</Key><VersionId>${xmlEscape(versionId)}</VersionId></Error>`,
        );
      }
      for (const resource of RESOURCES) {
        await copyFile(path.join(dir, resource), store.getResourcePath(bucket, key, resource)).catch(
          () => {},
        );
      }
      const version = await snapshot(bucket, key);
      ctx.set("x-amz-version-id", version.versionId);
      ctx.set("x-amz-copy-source-version-id", versionId);
      return xml(
        ctx,
        200,
        `<CopyObjectResult><LastModified>${version.lastModified}</LastModified><ETag>${xmlEscape(version.etag)}</ETag></CopyObjectResult>`,
      );
    }

    await next();
    // A new current object: PutObject or CopyObject (not a multipart part), or a completed multipart upload.
    const wrote =
      (ctx.method === "PUT" && !("partNumber" in ctx.query)) ||
      (ctx.method === "POST" && "uploadId" in ctx.query);
    if (key && wrote && ctx.status === 200 && (await isEnabled(bucket))) {
      ctx.set("x-amz-version-id", (await snapshot(bucket, key)).versionId);
    }
  };
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
