// The gate through the real AWS SDK, against a local AWS of its own: what the site role's
// policy allows passes, what it does not is refused exactly as AWS refuses it, and the
// owner may do anything.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import {
  CreateTableCommand,
  DynamoDBClient,
  GetItemCommand,
  ListTablesCommand,
  PutItemCommand,
  UpdateItemCommand,
} from "@aws-sdk/client-dynamodb";
import {
  DeleteObjectCommand,
  GetObjectCommand,
  GetObjectLegalHoldCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  ListObjectVersionsCommand,
  PutObjectCommand,
  S3Client,
} from "@aws-sdk/client-s3";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RESUME_KEY } from "../../../lib/resume/key";
import { withoutResume as withoutStoredResume } from "../../../test/support/owner-clients";
import type { Credentials } from "../identities";
import { type LocalAws, startLocalAws } from "../stack";

const dataDir = mkdtempSync(path.join(tmpdir(), "portfolio-gate-test-"));
let stack: LocalAws;
let table: string;
let bucket: string;
const clients: { destroy: () => void }[] = [];

function as(credentials: Credentials) {
  const dynamo = new DynamoDBClient({ endpoint: stack.env.AWS_ENDPOINT_URL_DYNAMODB, credentials });
  const s3 = new S3Client({ endpoint: stack.env.AWS_ENDPOINT_URL_S3, credentials, forcePathStyle: true });
  clients.push(dynamo, s3);
  return { dynamo, s3 };
}
let site: ReturnType<typeof as>;
let owner: ReturnType<typeof as>;
const key = { pk: { S: "gate-test" }, sk: { S: "item" } };
const SITE_ROLE =
  /^User: arn:aws:sts::000000000000:assumed-role\/serverless-portfolio-local-SiteServerRole\/\S+ is not authorized/;

beforeAll(async () => {
  stack = await startLocalAws({ dataDir });
  table = JSON.parse(stack.env.SST_RESOURCE_Visits!).name;
  bucket = JSON.parse(stack.env.SST_RESOURCE_Resume!).name;
  site = as(stack.credentials.site);
  owner = as(stack.credentials.owner);
});
afterAll(async () => {
  for (const client of clients) client.destroy();
  await stack.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe("DynamoDB, as the site role", () => {
  it("allows the actions infra/permissions.ts grants on the Visits table", async () => {
    const added = await site.dynamo.send(
      new UpdateItemCommand({
        TableName: table,
        Key: key,
        UpdateExpression: "ADD n :one",
        ExpressionAttributeValues: { ":one": { N: "1" } },
        ReturnValues: "UPDATED_NEW",
      }),
    );
    expect(added.Attributes?.n).toEqual({ N: "1" });
  });

  it("refuses the rest with DynamoDB's 400 AccessDeniedException, not retried, and changes nothing", async () => {
    const error = await site.dynamo
      .send(new PutItemCommand({ TableName: table, Item: { ...key, n: { N: "99" } } }))
      .catch((e: unknown) => e);
    expect(error).toMatchObject({
      name: "AccessDeniedException",
      $fault: "client",
      $metadata: { httpStatusCode: 400, attempts: 1 },
    });
    expect((error as Error).message).toMatch(SITE_ROLE);
    expect((error as Error).message).toContain(
      `to perform: dynamodb:PutItem on resource: arn:aws:dynamodb:us-east-1:000000000000:table/${table} because no identity-based policy allows the dynamodb:PutItem action`,
    );
    const stored = await owner.dynamo.send(new GetItemCommand({ TableName: table, Key: key }));
    expect(stored.Item?.n).toEqual({ N: "1" });
    await expect(site.dynamo.send(new GetItemCommand({ TableName: table, Key: key }))).rejects.toMatchObject({
      name: "AccessDeniedException",
    });
    await expect(site.dynamo.send(new ListTablesCommand({}))).rejects.toMatchObject({
      name: "AccessDeniedException",
    });
  });

  it("refuses granted actions on any other table", async () => {
    await owner.dynamo.send(
      new CreateTableCommand({
        TableName: "other",
        BillingMode: "PAY_PER_REQUEST",
        AttributeDefinitions: [{ AttributeName: "pk", AttributeType: "S" }],
        KeySchema: [{ AttributeName: "pk", KeyType: "HASH" }],
      }),
    );
    const update = new UpdateItemCommand({
      TableName: "other",
      Key: { pk: { S: "x" } },
      UpdateExpression: "ADD n :one",
      ExpressionAttributeValues: { ":one": { N: "1" } },
    });
    await expect(site.dynamo.send(update)).rejects.toMatchObject({
      name: "AccessDeniedException",
      message: expect.stringContaining("table/other"),
    });
    await expect(owner.dynamo.send(update)).resolves.toBeDefined();
  });
});

describe("S3, as the site role", () => {
  it("allows reading resume.pdf, its headers and a presigned URL for it, and listing the bucket", async () => {
    const object = await site.s3.send(new GetObjectCommand({ Bucket: bucket, Key: RESUME_KEY }));
    expect((await object.Body!.transformToString()).slice(0, 5)).toBe("%PDF-");
    await expect(
      site.s3.send(new HeadObjectCommand({ Bucket: bucket, Key: RESUME_KEY })),
    ).resolves.toBeDefined();
    await expect(site.s3.send(new ListObjectsV2Command({ Bucket: bucket }))).resolves.toBeDefined();
    const url = await getSignedUrl(site.s3, new GetObjectCommand({ Bucket: bucket, Key: RESUME_KEY }), {
      expiresIn: 60,
    });
    const response = await fetch(url);
    expect(response.status).toBe(200);
    expect((await response.text()).slice(0, 5)).toBe("%PDF-");
  });

  it("refuses writing, deleting, other keys and versions with S3's 403 AccessDenied, and changes nothing", async () => {
    const before = await owner.s3.send(new HeadObjectCommand({ Bucket: bucket, Key: RESUME_KEY }));
    const refused = [
      new PutObjectCommand({ Bucket: bucket, Key: RESUME_KEY, Body: "%PDF-forged" }),
      new DeleteObjectCommand({ Bucket: bucket, Key: RESUME_KEY }),
      new ListObjectVersionsCommand({ Bucket: bucket }),
      new GetObjectCommand({ Bucket: bucket, Key: "other.pdf" }),
    ];
    for (const command of refused) {
      const error = await site.s3.send(command as never).catch((e: unknown) => e);
      expect(error, command.constructor.name).toMatchObject({
        name: "AccessDenied",
        $metadata: { httpStatusCode: 403, attempts: 1 },
      });
      expect((error as Error).message).toMatch(SITE_ROLE);
    }
    const put = await site.s3
      .send(new PutObjectCommand({ Bucket: bucket, Key: RESUME_KEY, Body: "x" }))
      .catch((e: Error) => e.message);
    expect(put).toContain(`s3:PutObject on resource: "arn:aws:s3:::${bucket}/${RESUME_KEY}"`);
    const after = await owner.s3.send(new HeadObjectCommand({ Bucket: bucket, Key: RESUME_KEY }));
    expect(after.ETag).toBe(before.ETag);
  });

  it("refuses a presigned URL for something the role may not do", async () => {
    const url = await getSignedUrl(site.s3, new PutObjectCommand({ Bucket: bucket, Key: RESUME_KEY }), {
      expiresIn: 60,
    });
    const response = await fetch(url, { method: "PUT", body: "%PDF-forged" });
    expect(response.status).toBe(403);
    expect(await response.text()).toMatch(/<Code>AccessDenied<\/Code><Message>User: .* s3:PutObject/);
  });
});

describe("a missing resume", () => {
  const withoutListBucket = () =>
    stack.sitePermissions
      .map((p) => ({ ...p, actions: p.actions.filter((action) => action !== "s3:ListBucket") }))
      .filter((p) => p.actions.length > 0);

  async function withoutResume(run: () => Promise<void>) {
    try {
      await withoutStoredResume(owner.s3, bucket, run);
    } finally {
      await stack.useSitePermissions(stack.sitePermissions);
    }
  }

  it("is a 404 to the site role, which may list the bucket", () =>
    withoutResume(async () => {
      await expect(
        site.s3.send(new HeadObjectCommand({ Bucket: bucket, Key: RESUME_KEY })),
      ).rejects.toMatchObject({
        name: "NotFound",
        $metadata: { httpStatusCode: 404 },
      });
      await expect(
        site.s3.send(new GetObjectCommand({ Bucket: bucket, Key: RESUME_KEY })),
      ).rejects.toMatchObject({
        name: "NoSuchKey",
      });
    }));

  it("is a 403 without s3:ListBucket, as on AWS: a bare 403 to HEAD, AccessDenied naming ListBucket to GET", () =>
    withoutResume(async () => {
      await stack.useSitePermissions(withoutListBucket());
      // A HEAD answer has no body: the SDK can only call it "Unknown".
      await expect(
        site.s3.send(new HeadObjectCommand({ Bucket: bucket, Key: RESUME_KEY })),
      ).rejects.toMatchObject({
        name: "Unknown",
        $metadata: { httpStatusCode: 403 },
      });
      const error = await site.s3
        .send(new GetObjectCommand({ Bucket: bucket, Key: RESUME_KEY }))
        .catch((e: unknown) => e);
      expect(error).toMatchObject({ name: "AccessDenied", $metadata: { httpStatusCode: 403 } });
      expect((error as Error).message).toContain(`s3:ListBucket on resource: "arn:aws:s3:::${bucket}"`);
      // The owner still sees the truth.
      await expect(
        owner.s3.send(new HeadObjectCommand({ Bucket: bucket, Key: RESUME_KEY })),
      ).rejects.toMatchObject({
        name: "NotFound",
      });
    }));
});

describe("the owner", () => {
  it("may do anything: write, list versions, scan", async () => {
    await owner.s3.send(new PutObjectCommand({ Bucket: bucket, Key: "notes.txt", Body: "hello" }));
    const versions = await owner.s3.send(new ListObjectVersionsCommand({ Bucket: bucket }));
    expect(versions.Versions?.some((v) => v.Key === "notes.txt")).toBe(true);
    await owner.s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: "notes.txt" }));
    expect((await owner.dynamo.send(new ListTablesCommand({}))).TableNames).toContain(table);
  });
});

describe("anyone else", () => {
  it("is refused as AWS refuses an unknown access key, or an unsigned request", async () => {
    const stranger = as({ accessKeyId: "S3RVER", secretAccessKey: "S3RVER" });
    await expect(stranger.dynamo.send(new ListTablesCommand({}))).rejects.toMatchObject({
      name: "UnrecognizedClientException",
      message: "The security token included in the request is invalid.",
    });
    await expect(
      stranger.s3.send(new GetObjectCommand({ Bucket: bucket, Key: RESUME_KEY })),
    ).rejects.toMatchObject({
      name: "InvalidAccessKeyId",
      $metadata: { httpStatusCode: 403 },
    });
    const unsigned = await fetch(`${stack.env.AWS_ENDPOINT_URL_S3}/${bucket}/${RESUME_KEY}`);
    expect(unsigned.status).toBe(403);
    expect(await unsigned.text()).toContain("<Code>AccessDenied</Code>");
    const unsignedDynamo = await fetch(stack.env.AWS_ENDPOINT_URL_DYNAMODB!, {
      method: "POST",
      headers: {
        "x-amz-target": "DynamoDB_20120810.ListTables",
        "content-type": "application/x-amz-json-1.0",
      },
      body: "{}",
    });
    expect(unsignedDynamo.status).toBe(400);
    expect(await unsignedDynamo.json()).toMatchObject({
      __type: expect.stringMatching(/MissingAuthenticationToken/),
    });
  });

  it("gets a clear refusal for an S3 operation the gate cannot map, even as the owner", async () => {
    await expect(
      owner.s3.send(new GetObjectLegalHoldCommand({ Bucket: bucket, Key: RESUME_KEY })),
    ).rejects.toMatchObject({
      name: "NotImplemented",
      message: expect.stringContaining("gate/s3-actions.ts"),
    });
  });
});
