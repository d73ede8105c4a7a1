import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { pointAt } from "@/test/support/endpoint";

// A stand-in DynamoDB endpoint that answers each request as told, and counts them.
async function fakeDynamo(answer: (res: import("node:http").ServerResponse) => void) {
  let requests = 0;
  const server: Server = createServer((req, res) => {
    requests++;
    req.resume();
    answer(res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  pointAt("DYNAMODB", `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  return { requests: () => requests, close: () => new Promise((resolve) => server.close(resolve)) };
}

const throttled = (res: import("node:http").ServerResponse) => {
  res.writeHead(400, { "content-type": "application/x-amz-json-1.0", "x-amzn-requestid": "fake" });
  res.end(
    JSON.stringify({
      __type: "com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException",
      message: "Rate of requests exceeds the allowed throughput.",
    }),
  );
};

async function addOne() {
  const { dynamoWrites } = await import("./table");
  const { UpdateCommand } = await import("@aws-sdk/lib-dynamodb");
  return dynamoWrites.send(
    new UpdateCommand({
      TableName: "t",
      Key: { pk: "a", sk: "b" },
      UpdateExpression: "ADD #n :one",
      ExpressionAttributeNames: { "#n": "n" },
      ExpressionAttributeValues: { ":one": 1 },
    }),
  );
}

describe("counter writes", () => {
  it("are sent once when the answer times out: the write may have been applied", async () => {
    const dynamo = await fakeDynamo(() => {}); // never answers
    try {
      const started = Date.now();
      await expect(addOne()).rejects.toThrow();
      expect(dynamo.requests()).toBe(1);
      expect(Date.now() - started).toBeLessThan(2_000);
    } finally {
      await dynamo.close();
    }
  });

  it("are retried when DynamoDB throttles them: nothing was written", async () => {
    const dynamo = await fakeDynamo(throttled);
    try {
      await expect(addOne()).rejects.toMatchObject({ name: "ProvisionedThroughputExceededException" });
      expect(dynamo.requests()).toBe(3);
    } finally {
      await dynamo.close();
    }
  });
});
