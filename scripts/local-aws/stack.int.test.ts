import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { DynamoDBClient, UpdateItemCommand } from "@aws-sdk/client-dynamodb";
import { GetObjectCommand, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { SendEmailCommand, SESv2Client } from "@aws-sdk/client-sesv2";
import { afterAll, describe, expect, it } from "vitest";
import { inbox } from "../../test/support/ses-inbox";
import { RESUME_KEY } from "../../lib/resume/key";
import { sstLinksPresent } from "./environment";
import { type LocalAws, startLocalAws } from "./stack";

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "portfolio-stack-test-"));
  dirs.push(dir);
  return dir;
}
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function clients(stack: LocalAws) {
  const common = {
    region: stack.env.AWS_REGION,
    // The owner: the test writes the resume, which the site role may not.
    credentials: stack.credentials.owner,
  };
  return {
    dynamo: new DynamoDBClient({ ...common, endpoint: stack.env.AWS_ENDPOINT_URL_DYNAMODB }),
    s3: new S3Client({ ...common, endpoint: stack.env.AWS_ENDPOINT_URL_S3, forcePathStyle: true }),
    table: JSON.parse(stack.env.SST_RESOURCE_Visits!).name as string,
    bucket: JSON.parse(stack.env.SST_RESOURCE_Resume!).name as string,
  };
}

async function addOne(stack: LocalAws): Promise<number> {
  const { dynamo, table } = clients(stack);
  const result = await dynamo.send(
    new UpdateItemCommand({
      TableName: table,
      Key: { pk: { S: "test" }, sk: { S: "counter" } },
      UpdateExpression: "ADD #n :one",
      ExpressionAttributeNames: { "#n": "n" },
      ExpressionAttributeValues: { ":one": { N: "1" } },
      ReturnValues: "UPDATED_NEW",
    }),
  );
  return Number(result.Attributes?.n?.N);
}

describe("startLocalAws", () => {
  it("gives the app the environment sst dev would, with a seeded PDF resume", async () => {
    const stack = await startLocalAws({ dataDir: tempDir() });
    try {
      expect(JSON.parse(stack.env.SST_RESOURCE_App!)).toMatchObject({ name: "serverless-portfolio" });
      expect(stack.env.AWS_ENDPOINT_URL_DYNAMODB).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const { s3, bucket } = clients(stack);
      const resume = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: RESUME_KEY }));
      expect(resume.ContentType).toBe("application/pdf");
      expect(
        Buffer.from(await resume.Body!.transformToByteArray())
          .subarray(0, 5)
          .toString(),
      ).toBe("%PDF-");
    } finally {
      await stack.stop();
    }
  });

  it("runs two copies side by side on different free ports", async () => {
    const [a, b] = await Promise.all([
      startLocalAws({ dataDir: tempDir() }),
      startLocalAws({ dataDir: tempDir() }),
    ]);
    try {
      expect(a.env.AWS_ENDPOINT_URL_DYNAMODB).not.toBe(b.env.AWS_ENDPOINT_URL_DYNAMODB);
      expect(a.env.AWS_ENDPOINT_URL_S3).not.toBe(b.env.AWS_ENDPOINT_URL_S3);
      expect(await addOne(a)).toBe(1);
      expect(await addOne(b)).toBe(1);
    } finally {
      await Promise.all([a.stop(), b.stop()]);
    }
  });

  it("keeps data, and an uploaded resume, across restarts", async () => {
    const dataDir = tempDir();
    const own = Buffer.from("%PDF-1.7 my own resume");
    const first = await startLocalAws({ dataDir });
    await addOne(first);
    await addOne(first);
    const { s3, bucket } = clients(first);
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: RESUME_KEY, Body: own }));
    await first.stop();

    const second = await startLocalAws({ dataDir });
    try {
      expect(await addOne(second)).toBe(3);
      const again = clients(second);
      const resume = await again.s3.send(new GetObjectCommand({ Bucket: again.bucket, Key: RESUME_KEY }));
      expect(Buffer.from(await resume.Body!.transformToByteArray()).equals(own)).toBe(true);
    } finally {
      await second.stop();
    }
  });

  it("refuses a data folder another running copy holds, with a clear message", async () => {
    const dataDir = tempDir();
    const first = await startLocalAws({ dataDir });
    try {
      await expect(startLocalAws({ dataDir })).rejects.toThrow(
        /in use by another running copy.*LOCAL_AWS_DATA_DIR/,
      );
    } finally {
      await first.stop();
    }
  });
});

describe("the SES emulator", () => {
  it("accepts SES v2 SendEmail, shows the mail, and keeps it through a stop and a start on the same port", async () => {
    const stack = await startLocalAws({ dataDir: tempDir() });
    const endpoint = stack.env.AWS_ENDPOINT_URL_SESV2;
    const ses = new SESv2Client({
      region: stack.env.AWS_REGION,
      endpoint,
      maxAttempts: 1,
      credentials: stack.credentials.owner,
    });
    const send = (subject: string) =>
      ses.send(
        new SendEmailCommand({
          FromEmailAddress: "owner@example.com",
          Destination: { ToAddresses: ["owner@example.com"] },
          Content: { Simple: { Subject: { Data: subject }, Body: { Text: { Data: "body" } } } },
        }),
      );
    try {
      expect(endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const before = randomUUID();
      await send(before);
      await stack.stopSes();
      await expect(send("while stopped")).rejects.toThrow();
      await stack.startSes();
      const after = randomUUID();
      await send(after);
      const subjects = (await inbox(endpoint!)).map((mail) => mail.subject);
      expect(subjects).toEqual(expect.arrayContaining([before, after]));
      expect(subjects).not.toContain("while stopped");
    } finally {
      ses.destroy();
      await stack.stop();
    }
  });
});

describe("sstLinksPresent", () => {
  it("is true only when sst dev (or Lambda) provides links, in either form", () => {
    expect(sstLinksPresent({})).toBe(false);
    expect(sstLinksPresent({ SST_RESOURCE_App: '{"name":"x"}' })).toBe(true);
    // Windows: `sst dev` passes every link in one variable.
    expect(sstLinksPresent({ SST_RESOURCES_JSON: '{"App":{"name":"x"},"Visits":{"name":"t"}}' })).toBe(true);
    expect(sstLinksPresent({ SST_KEY_FILE: "/tmp/key" })).toBe(true);
  });
});
