import { describe, expect, it } from "vitest";
import { SCENARIOS } from "./scenarios";
import { arnOf, input, one, statementsOf, synthesisOf } from "./stack";

const stack = synthesisOf("production");
const bucket = one(stack, "aws:s3/bucket:Bucket", "ResumeBucket");
const bucketName = input<string>(bucket, "bucket");
const forBucket = (type: string, prefix: string) => {
  const resource = one(stack, type, prefix);
  expect(input(resource, "bucket")).toBe(bucketName);
  return resource;
};

describe("the resume bucket", () => {
  it("blocks all four kinds of public access", () => {
    const block = forBucket(
      "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
      "ResumePublicAccessBlock",
    );
    expect(block.inputs).toMatchObject({
      blockPublicAcls: true,
      blockPublicPolicy: true,
      ignorePublicAcls: true,
      restrictPublicBuckets: true,
    });
  });

  it("has a policy that allows no one and denies every request made without TLS", () => {
    const policy = forBucket("aws:s3/bucketPolicy:BucketPolicy", "ResumePolicy");
    const statements = statementsOf(input(policy, "policy"));
    expect(statements.filter((s) => s.effect === "Allow")).toEqual([]);
    expect(statements).toContainEqual(
      expect.objectContaining({
        effect: "Deny",
        principal: "*",
        actions: ["s3:*"],
        resources: [arnOf(bucket), `${arnOf(bucket)}/*`],
        condition: { Bool: { "aws:SecureTransport": ["false"] } },
      }),
    );
  });

  it("keeps versions, and expires replaced ones after the configured number of days", () => {
    const versioning = forBucket("aws:s3/bucketVersioning:BucketVersioning", "ResumeVersioning");
    expect(input(versioning, "versioningConfiguration.status")).toBe("Enabled");
    const lifecycle = forBucket(
      "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration",
      "ResumeLifecycle",
    );
    const days = Number(SCENARIOS.production.env.PORTFOLIO_RESUME_NONCURRENT_DAYS);
    expect(input(lifecycle, "rules")).toEqual([
      expect.objectContaining({
        status: "Enabled",
        filter: {},
        noncurrentVersionExpiration: { noncurrentDays: days },
      }),
    ]);
  });

  it("encrypts objects at rest", () => {
    const sse = forBucket(
      "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
      "ResumeEncryption",
    );
    expect(input(sse, "rules")).toEqual([
      expect.objectContaining({ applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } }),
    ]);
  });

  it("allows no cross-origin reads", () => {
    expect(stack.resources.filter((r) => r.name === "ResumeCors")).toEqual([]);
  });
});

describe("the Visits table", () => {
  const table = one(stack, "aws:dynamodb/table:Table", "VisitsTable");

  it("is on-demand with point-in-time recovery, keyed by pk and sk", () => {
    expect(table.inputs).toMatchObject({
      billingMode: "PAY_PER_REQUEST",
      pointInTimeRecovery: { enabled: true },
      hashKey: "pk",
      rangeKey: "sk",
      attributes: [
        { name: "pk", type: "S" },
        { name: "sk", type: "S" },
      ],
    });
  });

  it("expires the changeover day's visitor records by TTL on expiresAt", () => {
    expect(input(table, "ttl")).toEqual({ attributeName: "expiresAt", enabled: true });
  });
});

describe("the DailyVisitors table", () => {
  const table = one(stack, "aws:dynamodb/table:Table", "DailyVisitorsTable");

  it("has no point-in-time recovery: no backup keeps a day's salt past its expiry", () => {
    expect(table.inputs).toMatchObject({
      billingMode: "PAY_PER_REQUEST",
      pointInTimeRecovery: { enabled: false },
      hashKey: "pk",
      rangeKey: "sk",
    });
  });

  it("expires salts, visitor records and address caps by TTL on expiresAt", () => {
    expect(input(table, "ttl")).toEqual({ attributeName: "expiresAt", enabled: true });
  });
});
