// The Visits table's two DynamoDB clients: reads, retried, and counter writes, never
// retried after an ambiguous failure. No `import "server-only"`: the Pages API download
// route records downloads through them (the lint rule keeps components/ away).
import { Agent } from "node:http";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { NodeHttpHandler } from "@smithy/node-http-handler";
import { StandardRetryStrategy } from "@smithy/util-retry";
import pLimit from "p-limit";
import { neverSent, timeouts } from "../aws";

// The SDK starts the connection timer before a request has a socket, so requests
// queued behind a busy socket pool time out without ever being sent. Under `next start`
// one process serves many requests: cap DynamoDB calls in flight here instead, and give
// the agent sockets enough for that cap. (On Lambda one request at a time runs anyway.)
// 32, not more: calls queued at a slow server count against the 1 s request timeout,
// calls queued here do not (the load test lost counts at 128 against the emulator);
// at DynamoDB's ~10 ms a call, 32 still allow ~3,000 calls/s per process.
class BoundedHttpHandler extends NodeHttpHandler {
  private readonly inFlight = pLimit(32);

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
 * nothing was written) is retried, and once a write that was never sent.
 */
export class ThrottlingOnlyRetryStrategy extends StandardRetryStrategy {
  override async refreshRetryTokenForRetry(
    ...[token, info]: Parameters<StandardRetryStrategy["refreshRetryTokenForRetry"]>
  ): ReturnType<StandardRetryStrategy["refreshRetryTokenForRetry"]> {
    // Once only: a dead endpoint must still fail within about 2 s (two connect timeouts).
    const unsentRetry = neverSent(info.error) && token.getRetryCount() === 0;
    if (info.errorType !== "THROTTLING" && !unsentRetry) {
      throw new Error("not retried: the write may have been applied");
    }
    return super.refreshRetryTokenForRetry(token, info);
  }
}

/** Reads (BatchGetItem): idempotent, retried once. */
export const dynamo = DynamoDBDocumentClient.from(
  new DynamoDBClient({ maxAttempts: 2, requestHandler: dynamoHttp }),
);

/** Counter and dedup writes (UpdateItem): never retried after an ambiguous failure. */
export const dynamoWrites = DynamoDBDocumentClient.from(
  new DynamoDBClient({ retryStrategy: new ThrottlingOnlyRetryStrategy(3), requestHandler: dynamoHttp }),
);
