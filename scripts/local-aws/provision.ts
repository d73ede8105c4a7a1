// Creates what the app expects in the emulators, as `sst deploy` would on AWS: the
// tables, the versioned bucket, and a sample resume until the owner uploads one. It acts
// as the owner: deploying is the owner's business, not the site role's.
import { createHash } from "node:crypto";
import {
  type AttributeDefinition,
  CreateTableCommand,
  DynamoDBClient,
  type GlobalSecondaryIndex,
  ResourceInUseException,
} from "@aws-sdk/client-dynamodb";
import {
  CreateBucketCommand,
  HeadObjectCommand,
  PutBucketVersioningCommand,
  PutObjectCommand,
  S3Client,
} from "@aws-sdk/client-s3";
import { NEXT_ATTEMPT_ATTRIBUTE, PENDING_ATTRIBUTE, PENDING_INDEX } from "../../lib/contact/pending-index";
import { portfolio } from "../../lib/content";
import { RESUME_KEY } from "../../lib/resume/key";
import { REGION } from "./environment";
import type { Credentials } from "./identities";
import { renderSampleResume } from "./sample-resume";

/** Creates the tables and bucket if missing, and seeds the resume. */
export async function provision(
  env: Record<string, string>,
  names: { table: string; daily: string; bucket: string; messages: string },
  credentials: Credentials,
) {
  const dynamo = new DynamoDBClient({
    region: REGION,
    credentials,
    endpoint: env.AWS_ENDPOINT_URL_DYNAMODB,
  });
  const s3 = new S3Client({
    region: REGION,
    credentials,
    endpoint: env.AWS_ENDPOINT_URL_S3,
    forcePathStyle: true,
  });
  try {
    await Promise.all([
      createTable(dynamo, names.table),
      createTable(dynamo, names.daily),
      createTable(dynamo, names.messages, PENDING_INDEX_SCHEMA),
      createBucket(s3, names.bucket),
    ]);
    await seedResume(s3, names.bucket);
  } finally {
    dynamo.destroy();
    s3.destroy();
  }
}

type Index = { attributes: AttributeDefinition[]; index: GlobalSecondaryIndex };

// The Messages table's sparse index of undelivered messages, as infra/contact.ts declares it.
const PENDING_INDEX_SCHEMA: Index = {
  attributes: [
    { AttributeName: PENDING_ATTRIBUTE, AttributeType: "S" },
    { AttributeName: NEXT_ATTEMPT_ATTRIBUTE, AttributeType: "N" },
  ],
  index: {
    IndexName: PENDING_INDEX,
    KeySchema: [
      { AttributeName: PENDING_ATTRIBUTE, KeyType: "HASH" },
      { AttributeName: NEXT_ATTEMPT_ATTRIBUTE, KeyType: "RANGE" },
    ],
    Projection: { ProjectionType: "ALL" },
  },
};

/** Same key schema as infra/ (pk + sk, and an index where declared); on-demand, as deployed. */
async function createTable(dynamo: DynamoDBClient, name: string, index?: Index) {
  try {
    await dynamo.send(
      new CreateTableCommand({
        TableName: name,
        BillingMode: "PAY_PER_REQUEST",
        AttributeDefinitions: [
          { AttributeName: "pk", AttributeType: "S" },
          { AttributeName: "sk", AttributeType: "S" },
          ...(index?.attributes ?? []),
        ],
        KeySchema: [
          { AttributeName: "pk", KeyType: "HASH" },
          { AttributeName: "sk", KeyType: "RANGE" },
        ],
        GlobalSecondaryIndexes: index && [index.index],
      }),
    );
  } catch (error) {
    if (!(error instanceof ResourceInUseException)) throw error;
  }
}

/** Versioned, as deployed (sst.config.ts), so the resume tool can list and restore. */
async function createBucket(s3: S3Client, name: string) {
  try {
    await s3.send(new CreateBucketCommand({ Bucket: name }));
  } catch (error) {
    const code = (error as { name?: string }).name;
    if (code !== "BucketAlreadyOwnedByYou" && code !== "BucketAlreadyExists") throw error;
  }
  await s3.send(
    new PutBucketVersioningCommand({ Bucket: name, VersioningConfiguration: { Status: "Enabled" } }),
  );
}

/**
 * Puts a sample resume generated from the content file. A resume the owner uploaded
 * is never replaced; an earlier sample is regenerated when the content changed.
 */
async function seedResume(s3: S3Client, bucket: string) {
  const pdf = await renderSampleResume(portfolio);
  const digest = createHash("sha256").update(pdf).digest("hex");
  const existing = await s3
    .send(new HeadObjectCommand({ Bucket: bucket, Key: RESUME_KEY }))
    .catch((error: { name?: string }) => {
      if (error.name === "NotFound" || error.name === "NoSuchKey") return undefined;
      throw error;
    });
  const sample = existing?.Metadata?.["sample-sha256"];
  if (existing && (sample === undefined || sample === digest)) return;
  await s3.send(
    new PutObjectCommand({
      Bucket: bucket,
      Key: RESUME_KEY,
      Body: pdf,
      ContentType: "application/pdf",
      Metadata: { "sample-sha256": digest },
    }),
  );
}
