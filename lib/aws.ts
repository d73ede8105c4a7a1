// Shared by server components and the Pages API download route; Pages bundles reject
// `import "server-only"`, so the guard lives in the modules only components import.
import { Agent } from "node:http";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { S3Client } from "@aws-sdk/client-s3";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";

// Region and endpoints come from the environment: AWS_REGION on Lambda and under
// `sst dev`; AWS_ENDPOINT_URL_DYNAMODB / AWS_ENDPOINT_URL_S3 on the local stack.
// The SDK default (no request timeout, 3 attempts with backoff) lets a dead dependency
// hold a request for a long time; a page must not wait more than about 2 s for it.
// Under `next start` many requests share one process: allow more sockets than the
// SDK's 50 so a burst does not queue behind the connection timeout.
const requestHandler = {
  connectionTimeout: 1_000,
  requestTimeout: 1_000,
  httpAgent: new Agent({ keepAlive: true, maxSockets: 256 }),
};

export const dynamo = DynamoDBDocumentClient.from(new DynamoDBClient({ maxAttempts: 2, requestHandler }));

export const s3 = new S3Client({
  maxAttempts: 2,
  requestHandler,
  // The S3 emulator on loopback has no DNS for bucket subdomains: address buckets by path.
  forcePathStyle: process.env.AWS_ENDPOINT_URL_S3 !== undefined,
});
