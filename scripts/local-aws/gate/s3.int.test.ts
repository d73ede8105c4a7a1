// The gate in front of S3, through the real AWS SDK, on a local AWS of its own: what the
// site role's policy allows passes, what it does not is refused exactly as S3 refuses it
// (a missing key included), and the owner may do anything.
import {
  DeleteObjectCommand,
  GetObjectCommand,
  GetObjectLegalHoldCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  ListObjectVersionsCommand,
  PutObjectCommand,
} from "@aws-sdk/client-s3";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";
import { afterAll, describe, expect, it } from "vitest";
import { RESUME_KEY } from "../../../lib/resume/key";
import { SITE_ROLE_REFUSED, startGateFixture } from "../../../test/support/gate-fixture";
import { withoutResume as withoutStoredResume } from "../../../test/support/owner-clients";
import { withoutAction } from "../../../test/support/role-permissions";

const g = await startGateFixture("gate-s3");
afterAll(() => g.stop());

describe("S3, as the site role", () => {
  it("allows reading resume.pdf, its headers and a presigned URL for it, and listing the bucket", async () => {
    const object = await g.site.s3.send(new GetObjectCommand({ Bucket: g.bucket, Key: RESUME_KEY }));
    expect((await object.Body!.transformToString()).slice(0, 5)).toBe("%PDF-");
    await expect(
      g.site.s3.send(new HeadObjectCommand({ Bucket: g.bucket, Key: RESUME_KEY })),
    ).resolves.toBeDefined();
    await expect(g.site.s3.send(new ListObjectsV2Command({ Bucket: g.bucket }))).resolves.toBeDefined();
    const url = await getSignedUrl(g.site.s3, new GetObjectCommand({ Bucket: g.bucket, Key: RESUME_KEY }), {
      expiresIn: 60,
    });
    const response = await fetch(url);
    expect(response.status).toBe(200);
    expect((await response.text()).slice(0, 5)).toBe("%PDF-");
  });

  it("refuses writing, deleting, other keys and versions with S3's 403 AccessDenied, and changes nothing", async () => {
    const before = await g.owner.s3.send(new HeadObjectCommand({ Bucket: g.bucket, Key: RESUME_KEY }));
    const refused = [
      new PutObjectCommand({ Bucket: g.bucket, Key: RESUME_KEY, Body: "%PDF-forged" }),
      new DeleteObjectCommand({ Bucket: g.bucket, Key: RESUME_KEY }),
      new ListObjectVersionsCommand({ Bucket: g.bucket }),
      new GetObjectCommand({ Bucket: g.bucket, Key: "other.pdf" }),
    ];
    for (const command of refused) {
      const error = await g.site.s3.send(command as never).catch((e: unknown) => e);
      expect(error, command.constructor.name).toMatchObject({
        name: "AccessDenied",
        $metadata: { httpStatusCode: 403, attempts: 1 },
      });
      expect((error as Error).message).toMatch(SITE_ROLE_REFUSED);
    }
    const put = await g.site.s3
      .send(new PutObjectCommand({ Bucket: g.bucket, Key: RESUME_KEY, Body: "x" }))
      .catch((e: Error) => e.message);
    expect(put).toContain(`s3:PutObject on resource: "arn:aws:s3:::${g.bucket}/${RESUME_KEY}"`);
    const after = await g.owner.s3.send(new HeadObjectCommand({ Bucket: g.bucket, Key: RESUME_KEY }));
    expect(after.ETag).toBe(before.ETag);
  });

  it("refuses a presigned URL for something the role may not do", async () => {
    const url = await getSignedUrl(g.site.s3, new PutObjectCommand({ Bucket: g.bucket, Key: RESUME_KEY }), {
      expiresIn: 60,
    });
    const response = await fetch(url, { method: "PUT", body: "%PDF-forged" });
    expect(response.status).toBe(403);
    expect(await response.text()).toMatch(/<Code>AccessDenied<\/Code><Message>User: .* s3:PutObject/);
  });
});

describe("a missing resume", () => {
  async function withoutResume(run: () => Promise<void>) {
    try {
      await withoutStoredResume(g.owner.s3, g.bucket, run);
    } finally {
      await g.stack.useGrants("site", g.stack.grants.site);
    }
  }

  it("is a 404 to the site role, which may list the bucket", () =>
    withoutResume(async () => {
      await expect(
        g.site.s3.send(new HeadObjectCommand({ Bucket: g.bucket, Key: RESUME_KEY })),
      ).rejects.toMatchObject({
        name: "NotFound",
        $metadata: { httpStatusCode: 404 },
      });
      await expect(
        g.site.s3.send(new GetObjectCommand({ Bucket: g.bucket, Key: RESUME_KEY })),
      ).rejects.toMatchObject({
        name: "NoSuchKey",
      });
    }));

  it("is a 403 without s3:ListBucket, as on AWS: a bare 403 to HEAD, AccessDenied naming ListBucket to GET", () =>
    withoutResume(async () => {
      await g.stack.useGrants("site", withoutAction(g.stack.grants.site, "s3:ListBucket"));
      // A HEAD answer has no body: the SDK can only call it "Unknown".
      await expect(
        g.site.s3.send(new HeadObjectCommand({ Bucket: g.bucket, Key: RESUME_KEY })),
      ).rejects.toMatchObject({
        name: "Unknown",
        $metadata: { httpStatusCode: 403 },
      });
      const error = await g.site.s3
        .send(new GetObjectCommand({ Bucket: g.bucket, Key: RESUME_KEY }))
        .catch((e: unknown) => e);
      expect(error).toMatchObject({ name: "AccessDenied", $metadata: { httpStatusCode: 403 } });
      expect((error as Error).message).toContain(`s3:ListBucket on resource: "arn:aws:s3:::${g.bucket}"`);
      // The owner still sees the truth.
      await expect(
        g.owner.s3.send(new HeadObjectCommand({ Bucket: g.bucket, Key: RESUME_KEY })),
      ).rejects.toMatchObject({
        name: "NotFound",
      });
    }));
});

describe("S3, as the owner", () => {
  it("may do anything: write, list versions, delete", async () => {
    await g.owner.s3.send(new PutObjectCommand({ Bucket: g.bucket, Key: "notes.txt", Body: "hello" }));
    const versions = await g.owner.s3.send(new ListObjectVersionsCommand({ Bucket: g.bucket }));
    expect(versions.Versions?.some((v) => v.Key === "notes.txt")).toBe(true);
    await g.owner.s3.send(new DeleteObjectCommand({ Bucket: g.bucket, Key: "notes.txt" }));
  });

  it("gets a clear refusal for an operation the gate cannot map", async () => {
    await expect(
      g.owner.s3.send(new GetObjectLegalHoldCommand({ Bucket: g.bucket, Key: RESUME_KEY })),
    ).rejects.toMatchObject({
      name: "NotImplemented",
      message: expect.stringContaining("gate/s3-actions.ts"),
    });
  });
});

describe("S3, as anyone else", () => {
  it("is refused as AWS refuses an unknown access key, or an unsigned request to a private bucket", async () => {
    const stranger = g.as({ accessKeyId: "S3RVER", secretAccessKey: "S3RVER" });
    await expect(
      stranger.s3.send(new GetObjectCommand({ Bucket: g.bucket, Key: RESUME_KEY })),
    ).rejects.toMatchObject({
      name: "InvalidAccessKeyId",
      $metadata: { httpStatusCode: 403 },
    });
    const unsigned = await fetch(`${g.stack.env.AWS_ENDPOINT_URL_S3}/${g.bucket}/${RESUME_KEY}`);
    expect(unsigned.status).toBe(403);
    expect(await unsigned.text()).toContain("<Code>AccessDenied</Code>");
  });
});
