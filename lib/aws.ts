// Shared by server components and the Pages API download route; Pages bundles reject
// `import "server-only"`, so the guard lives in the modules only components import.
import { Agent } from "node:http";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { S3Client } from "@aws-sdk/client-s3";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { NodeHttpHandler } from "@smithy/node-http-handler";
import { StandardRetryStrategy } from "@smithy/util-retry";
import pLimit from "p-limit";

// Region and endpoints come from the environment: AWS_REGION on Lambda and under
// `sst dev`; AWS_ENDPOINT_URL_DYNAMODB / AWS_ENDPOINT_URL_S3 on the local stack.
//
// Timeouts: the SDK's defaults (no request timeout, 3 attempts) let a dead dependency
// hold a request for a long time; here it costs about 2 s at most.
const timeouts = { connectionTimeout: 1_000, requestTimeout: 1_000, throwOnRequestTimeout: true };

// The SDK starts the connection timer before a request has a socket, so requests
// queued behind a busy socket pool time out without ever being sent. Under `next start`
// one process serves many requests: cap DynamoDB calls in flight here instead, and give
// the agent sockets enough for that cap. (On Lambda one request at a time runs anyway.)
class BoundedHttpHandler extends NodeHttpHandler {
  private readonly inFlight = pLimit(128);

  override handle(...args: Parameters<NodeHttpHandler["handle"]>): ReturnType<NodeHttpHandler["handle"]> {
    return this.inFlight(() => super.handle(...args));
  }
}
const dynamoHttp = new BoundedHttpHandler({
  ...timeouts,
  httpAgent: new Agent({ keepAlive: true, maxSockets: Infinity }),
});

/**
 * Counters use ADD, which is not idempotent: a write that timed out may have been
 * applied, and retrying it would count twice. Only throttling (the service refused,
 * nothing was written) is retried.
 */
class ThrottlingOnlyRetryStrategy extends StandardRetryStrategy {
  override async refreshRetryTokenForRetry(
    ...[token, error]: Parameters<StandardRetryStrategy["refreshRetryTokenForRetry"]>
  ): ReturnType<StandardRetryStrategy["refreshRetryTokenForRetry"]> {
    if (error.errorType !== "THROTTLING") throw new Error("not retried: the write may have been applied");
    return super.refreshRetryTokenForRetry(token, error);
  }
}

/** Reads (GetItem, BatchGetItem): idempotent, retried once. */
export const dynamo = DynamoDBDocumentClient.from(
  new DynamoDBClient({ maxAttempts: 2, requestHandler: dynamoHttp }),
);

/** Counter writes (UpdateItem ADD, conditional PutItem): never retried after an ambiguous failure. */
export const dynamoWrites = DynamoDBDocumentClient.from(
  new DynamoDBClient({ retryStrategy: new ThrottlingOnlyRetryStrategy(3), requestHandler: dynamoHttp }),
);

export const s3 = new S3Client({
  maxAttempts: 2,
  requestHandler: { ...timeouts, httpAgent: new Agent({ keepAlive: true, maxSockets: 256 }) },
  // The S3 emulator on loopback has no DNS for bucket subdomains: address buckets by path.
  forcePathStyle: process.env.AWS_ENDPOINT_URL_S3 !== undefined,
});
