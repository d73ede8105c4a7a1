// S3's REST API (path-style addressing, as the app and tools use locally) for the gate:
// which IAM actions on which ARNs a request needs, and what S3 answers when the policy
// does not allow one, including its 403-instead-of-404 rule for a missing key.
import type { IncomingHttpHeaders } from "node:http";
import type { Check } from "./authorizer";
import { BUCKET_ACTIONS, OBJECT_ACTIONS, UNMAPPED_SUBRESOURCES, VERSION_ACTIONS } from "./s3-actions";

export type S3Request = { method: string; url: string; headers: IncomingHttpHeaders };
export type S3Checks = { checks: Check[] } | { unsupported: string };

type Target = { bucket: string; key: string; query: URLSearchParams };

/**
 * The bucket, key and query exactly as the emulator will read them. Not through `new URL`,
 * which would resolve `..` segments (and turn `\` into `/`) that s3rver takes literally:
 * the gate would then authorise one object and the emulator serve another.
 */
function target(request: S3Request): Target | undefined {
  const query = request.url.indexOf("?");
  const rawPath = query < 0 ? request.url : request.url.slice(0, query);
  if (!rawPath.startsWith("/")) return undefined;
  const [bucket = "", ...rest] = rawPath.slice(1).split("/");
  try {
    return {
      bucket: decodeURIComponent(bucket),
      key: decodeURIComponent(rest.join("/")),
      query: new URLSearchParams(query < 0 ? "" : request.url.slice(query + 1)),
    };
  } catch {
    return undefined; // not valid percent-encoding: S3 refuses the URI before authorising anything
  }
}

const bucketArn = (bucket: string) => `arn:aws:s3:::${bucket}`;
const objectArn = (bucket: string, key: string) => `arn:aws:s3:::${bucket}/${key}`;

/** DeleteObjects (`POST /bucket?delete`) lists its keys in the body: only then is the body needed. */
export function needsBody(request: S3Request): boolean {
  const found = target(request);
  return request.method === "POST" && found !== undefined && !found.key && found.query.has("delete");
}

/** The checks a request needs; `body` is the request body when needsBody() said so. */
export function s3Checks(request: S3Request, body = ""): S3Checks {
  const found = target(request);
  if (!found) return { unsupported: "a URL that is not a path or not valid percent-encoding" };
  const { bucket, key, query } = found;
  const method = request.method;
  if (!bucket) {
    return method === "GET"
      ? { checks: [{ action: "s3:ListAllMyBuckets", resource: "*" }] }
      : unsupported(request);
  }
  const unmapped = [...query.keys()].find((name) => UNMAPPED_SUBRESOURCES.has(name));
  if (unmapped) return unsupported(request);

  if (!key) {
    if (method === "POST" && query.has("delete")) return { checks: deletedObjects(bucket, body) };
    const sub = Object.keys(BUCKET_ACTIONS).find((name) => name && query.has(name)) ?? "";
    const action = BUCKET_ACTIONS[sub]?.[method];
    return action ? { checks: [{ action, resource: bucketArn(bucket) }] } : unsupported(request);
  }

  const sub = Object.keys(OBJECT_ACTIONS).find((name) => name && query.has(name)) ?? "";
  let action = OBJECT_ACTIONS[sub]?.[method];
  if (!action) return unsupported(request);
  if (query.has("versionId")) action = VERSION_ACTIONS[action] ?? action;
  const checks: Check[] = [{ action, resource: objectArn(bucket, key) }];
  const header = (name: string) => request.headers[name];
  if (method === "PUT" && sub !== "tagging" && sub !== "acl") {
    // CopyObject and UploadPartCopy also read their source.
    const source = header("x-amz-copy-source");
    if (typeof source === "string") {
      const read = copySource(source);
      if (!read) return { unsupported: `the copy source ${source}` };
      checks.push(read);
    }
    if (header("x-amz-tagging") !== undefined)
      checks.push({ action: "s3:PutObjectTagging", resource: objectArn(bucket, key) });
    if (Object.keys(request.headers).some((name) => name === "x-amz-acl" || name.startsWith("x-amz-grant-")))
      checks.push({ action: "s3:PutObjectAcl", resource: objectArn(bucket, key) });
  }
  return { checks };
}

/** `bucket/key` or `/bucket/key`, URL-encoded, with an optional `?versionId=`. */
function copySource(header: string): Check | undefined {
  const [path = "", query = ""] = header.split("?");
  let decoded: string;
  try {
    decoded = decodeURIComponent(path).replace(/^\//, "");
  } catch {
    return undefined;
  }
  const slash = decoded.indexOf("/");
  if (slash <= 0 || slash === decoded.length - 1 || decoded.startsWith("arn:")) return undefined;
  const versioned = new URLSearchParams(query).has("versionId");
  return { action: versioned ? "s3:GetObjectVersion" : "s3:GetObject", resource: `arn:aws:s3:::${decoded}` };
}

/** DeleteObjects needs s3:DeleteObject (or DeleteObjectVersion) on each key it names. */
function deletedObjects(bucket: string, body: string): Check[] {
  return [...body.matchAll(/<Object>([\s\S]*?)<\/Object>/g)].map(([, entry = ""]) => {
    const key = xmlText(/<Key>([\s\S]*?)<\/Key>/.exec(entry)?.[1] ?? "");
    const versioned = /<VersionId>/.test(entry);
    return {
      action: versioned ? "s3:DeleteObjectVersion" : "s3:DeleteObject",
      resource: objectArn(bucket, key),
    };
  });
}

function xmlText(text: string): string {
  const named: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
  return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, entity: string) => {
    if (entity.startsWith("#x") || entity.startsWith("#X"))
      return String.fromCodePoint(parseInt(entity.slice(2), 16));
    if (entity.startsWith("#")) return String.fromCodePoint(Number(entity.slice(1)));
    return named[entity] ?? whole;
  });
}

function unsupported(request: S3Request): S3Checks {
  return { unsupported: `${request.method} ${request.url}` };
}

/**
 * For a GET or HEAD of an object that turned out missing: S3 answers 404 only when the
 * caller may also list the bucket, and 403 otherwise (HeadObject/GetObject reference).
 */
export function missingKeyCheck(request: S3Request, status: number): Check | undefined {
  if (status !== 404 || (request.method !== "GET" && request.method !== "HEAD")) return undefined;
  const found = target(request);
  if (!found?.bucket || !found.key) return undefined;
  // Only the object itself: a missing upload or tag set has its own error.
  const sub = Object.keys(OBJECT_ACTIONS).some((name) => name && found.query.has(name));
  return sub ? undefined : { action: "s3:ListBucket", resource: bucketArn(found.bucket) };
}
