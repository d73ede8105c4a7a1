import { describe, expect, it } from "vitest";
import { iamProblem } from "../../../test/support/iam-validity";
import { missingKeyCheck, needsBody, s3Checks } from "./s3";

const object = (key: string, bucket = "b") => `arn:aws:s3:::${bucket}/${key}`;
const BUCKET = "arn:aws:s3:::b";

// What SDK v3 sends with forcePathStyle (x-id is the SDK's, and S3 ignores it), and the
// IAM actions the S3 User Guide's "Required permissions for Amazon S3 API operations"
// lists: one request per line, then each check as action and resource (`-` for the bucket).
const TABLE = `
GET    /b/resume.pdf?x-id=GetObject                      s3:GetObject resume.pdf
GET    /b/resume.pdf?versionId=v1&x-id=GetObject         s3:GetObjectVersion resume.pdf
HEAD   /b/resume.pdf                                     s3:GetObject resume.pdf
HEAD   /b/resume.pdf?versionId=v1                        s3:GetObjectVersion resume.pdf
GET    /b/a%20folder/caf%C3%A9.pdf                       s3:GetObject a%20folder/caf%C3%A9.pdf
PUT    /b/resume.pdf?x-id=PutObject                      s3:PutObject resume.pdf
DELETE /b/resume.pdf?x-id=DeleteObject                   s3:DeleteObject resume.pdf
DELETE /b/resume.pdf?versionId=v1                        s3:DeleteObjectVersion resume.pdf
POST   /b/big.pdf?uploads&x-id=CreateMultipartUpload     s3:PutObject big.pdf
PUT    /b/big.pdf?partNumber=1&uploadId=U&x-id=UploadPart s3:PutObject big.pdf
POST   /b/big.pdf?uploadId=U                             s3:PutObject big.pdf
DELETE /b/big.pdf?uploadId=U                             s3:AbortMultipartUpload big.pdf
GET    /b/big.pdf?uploadId=U                             s3:ListMultipartUploadParts big.pdf
GET    /b/resume.pdf?tagging                             s3:GetObjectTagging resume.pdf
GET    /b?list-type=2&prefix=r                           s3:ListBucket -
GET    /b/                                               s3:ListBucket -
HEAD   /b                                                s3:ListBucket -
GET    /b?versions&prefix=resume.pdf                     s3:ListBucketVersions -
GET    /b?uploads                                        s3:ListBucketMultipartUploads -
PUT    /b                                                s3:CreateBucket -
PUT    /b?versioning                                     s3:PutBucketVersioning -
GET    /b?versioning                                     s3:GetBucketVersioning -
DELETE /b?cors                                           s3:PutBucketCORS -
`;
const presigned =
  "/b/resume.pdf?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=K%2F20261202%2Fus-east-1%2Fs3%2Faws4_request" +
  "&X-Amz-Signature=abc&X-Amz-SignedHeaders=host&response-content-disposition=attachment&x-id=GetObject";

type Case = [method: string, url: string, headers: Record<string, string>, checks: [string, string][]];
const CASES: Case[] = [
  ...TABLE.trim()
    .split("\n")
    .map((line): Case => {
      const [method = "", url = "", action = "", key = ""] = line.split(/\s+/);
      return [method, url, {}, [[action, key === "-" ? BUCKET : object(decodeURIComponent(key))]]];
    }),
  ["GET", "/", {}, [["s3:ListAllMyBuckets", "*"]]],
  // A presigned URL: the signature's parameters are not subresources.
  ["GET", presigned, {}, [["s3:GetObject", object("resume.pdf")]]],
  // A write with tags and an ACL needs the rights to set them too.
  [
    "PUT",
    "/b/resume.pdf",
    { "x-amz-tagging": "a=b", "x-amz-acl": "private" },
    [
      ["s3:PutObject", object("resume.pdf")],
      ["s3:PutObjectTagging", object("resume.pdf")],
      ["s3:PutObjectAcl", object("resume.pdf")],
    ],
  ],
  // CopyObject reads its source: a version of it, or another bucket's object.
  [
    "PUT",
    "/b/resume.pdf?x-id=CopyObject",
    { "x-amz-copy-source": "b/resume.pdf?versionId=v1" },
    [
      ["s3:PutObject", object("resume.pdf")],
      ["s3:GetObjectVersion", object("resume.pdf")],
    ],
  ],
  [
    "PUT",
    "/b/copy.pdf",
    { "x-amz-copy-source": "/other/old%20one.pdf" },
    [
      ["s3:PutObject", object("copy.pdf")],
      ["s3:GetObject", object("old one.pdf", "other")],
    ],
  ],
];

describe("s3Checks", () => {
  it.each(CASES)("%s %s %j", async (method, url, headers, expected) => {
    const checks = expected.map(([action, resource]) => ({ action, resource }));
    expect(s3Checks({ method, url, headers })).toEqual({ checks });
    for (const check of checks) expect(await iamProblem(check)).toBeUndefined();
  });

  it("needs DeleteObject (or DeleteObjectVersion) on each key DeleteObjects names", () => {
    const request = { method: "POST", url: "/b?delete", headers: {} };
    expect(needsBody(request)).toBe(true);
    const body =
      "<Delete><Object><Key>a &amp; b.pdf</Key></Object><Object><Key>c&#47;d</Key><VersionId>v</VersionId></Object></Delete>";
    expect(s3Checks(request, body)).toEqual({
      checks: [
        { action: "s3:DeleteObject", resource: object("a & b.pdf") },
        { action: "s3:DeleteObjectVersion", resource: object("c/d") },
      ],
    });
    expect(needsBody({ method: "GET", url: "/b/resume.pdf", headers: {} })).toBe(false);
  });

  it("authorises the very key the emulator will serve: `..` and `\\` are not resolved", () => {
    expect(s3Checks({ method: "GET", url: "/b/../other/k", headers: {} })).toEqual({
      checks: [{ action: "s3:GetObject", resource: object("../other/k") }],
    });
    expect(s3Checks({ method: "GET", url: "/b/%2E%2E/other\\k", headers: {} })).toEqual({
      checks: [{ action: "s3:GetObject", resource: object("../other\\k") }],
    });
  });

  it("refuses what it cannot map rather than authorise it as something else", () => {
    for (const [method, url, headers] of [
      ["GET", "/b/resume.pdf?legal-hold", {}],
      ["PUT", "/b?object-lock", {}],
      ["POST", "/b/resume.pdf", {}],
      ["PATCH", "/b", {}],
      ["DELETE", "/", {}],
      ["GET", "/b/%E0%A4%A", {}],
      ["GET", "http://elsewhere/b/k", {}],
      ["PUT", "/b/k", { "x-amz-copy-source": "no-key" }],
    ] as const) {
      expect(s3Checks({ method, url, headers: { ...headers } }), `${method} ${url}`).toHaveProperty(
        "unsupported",
      );
    }
  });

  it("is checked by an evaluator that does fail on a wrong action or resource type", async () => {
    expect(await iamProblem({ action: "s3:GetObjekt", resource: object("k") })).toMatch(/invalid\.action/);
    expect(await iamProblem({ action: "s3:GetObject", resource: BUCKET })).toMatch(/no\.resource\.types/);
  });
});

describe("missingKeyCheck", () => {
  it("asks for s3:ListBucket on the bucket when a GET or HEAD of an object found nothing", () => {
    const listBucket = { action: "s3:ListBucket", resource: BUCKET };
    expect(missingKeyCheck({ method: "HEAD", url: "/b/resume.pdf", headers: {} }, 404)).toEqual(listBucket);
    expect(missingKeyCheck({ method: "GET", url: "/b/resume.pdf?versionId=v", headers: {} }, 404)).toEqual(
      listBucket,
    );
    expect(missingKeyCheck({ method: "GET", url: "/b/resume.pdf", headers: {} }, 200)).toBeUndefined();
    expect(missingKeyCheck({ method: "DELETE", url: "/b/resume.pdf", headers: {} }, 404)).toBeUndefined();
    expect(missingKeyCheck({ method: "GET", url: "/b?versions", headers: {} }, 404)).toBeUndefined();
    expect(
      missingKeyCheck({ method: "GET", url: "/b/big.pdf?uploadId=U", headers: {} }, 404),
    ).toBeUndefined();
  });
});
