// The data: the visit counters in DynamoDB and the resume in a private S3 bucket.
import type { InfraConfig } from "./config";

export type Storage = { table: sst.aws.Dynamo; daily: sst.aws.Dynamo; bucket: sst.aws.Bucket };

export function createStorage(config: InfraConfig, production: boolean): Storage {
  // Visit counters. The key schema matches the local emulator's table (scripts/local-aws/provision.ts).
  // SST's Dynamo is on-demand with point-in-time recovery (35 days of restorable
  // counters). The changeover day's visitor records expire through TTL on `expiresAt`
  // (epoch seconds), which the local emulator cannot do, so it lives here.
  const table = new sst.aws.Dynamo("Visits", {
    fields: { pk: "string", sk: "string" },
    primaryIndex: { hashKey: "pk", rangeKey: "sk" },
    ttl: "expiresAt",
    deletionProtection: production,
  });

  // The daily visitor data: each day's random salt, visitor records and per-address caps
  // (lib/visits/salt.ts, writes.ts), deleted by TTL after the day. Without point-in-time
  // recovery: a restore must not bring back a salt, the one thing that links a visitor id
  // to an address (docs/visits.md). Nothing here is worth restoring.
  const daily = new sst.aws.Dynamo("DailyVisitors", {
    fields: { pk: "string", sk: "string" },
    primaryIndex: { hashKey: "pk", rangeKey: "sk" },
    ttl: "expiresAt",
    transform: {
      table: (args) => {
        args.pointInTimeRecovery = { enabled: false };
      },
    },
  });

  // The resume. Without `access`, SST blocks all four kinds of public access and its
  // policy denies every request not made over TLS; the only reader is the server role.
  const bucket = new sst.aws.Bucket("Resume", {
    versioning: true,
    // SST's CORS rule would let any origin's scripts read the bucket with presigned URLs.
    cors: false,
    transform: {
      // Deleting a preview stage must not stop at a bucket with versions in it; production
      // keeps its bucket (removal "retain"), and this makes sure it is never emptied.
      bucket: (args) => {
        args.forceDestroy = !production;
      },
    },
  });

  new aws.s3.BucketServerSideEncryptionConfiguration("ResumeEncryption", {
    bucket: bucket.name,
    // SSE-S3: encrypted at rest with no key to pay for and no kms:Decrypt for the role.
    rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } }],
  });

  // SST's lifecycle option only expires current objects; old resume versions need their own rule.
  new aws.s3.BucketLifecycleConfiguration("ResumeLifecycle", {
    bucket: bucket.name,
    rules: [
      {
        id: "expire-replaced-resumes",
        status: "Enabled",
        filter: {},
        noncurrentVersionExpiration: { noncurrentDays: config.resumeNoncurrentDays },
        abortIncompleteMultipartUpload: { daysAfterInitiation: 1 },
      },
    ],
  });

  return { table, daily, bucket };
}
