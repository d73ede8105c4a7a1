// The gate in front of DynamoDB, through the real AWS SDK, on a local AWS of its own:
// what the site role's policy allows passes, what it does not is refused exactly as
// DynamoDB refuses it, and the owner may do anything.
import {
  CreateTableCommand,
  GetItemCommand,
  ListTablesCommand,
  PutItemCommand,
  UpdateItemCommand,
} from "@aws-sdk/client-dynamodb";
import { afterAll, describe, expect, it } from "vitest";
import { SITE_ROLE_REFUSED, startGateFixture } from "../../../test/support/gate-fixture";

const key = { pk: { S: "gate-test" }, sk: { S: "item" } };
const g = await startGateFixture("gate-dynamodb");
afterAll(() => g.stop());

describe("DynamoDB, as the site role", () => {
  it("allows the actions infra/permissions.ts grants on the Visits table", async () => {
    const added = await g.site.dynamo.send(
      new UpdateItemCommand({
        TableName: g.table,
        Key: key,
        UpdateExpression: "ADD n :one",
        ExpressionAttributeValues: { ":one": { N: "1" } },
        ReturnValues: "UPDATED_NEW",
      }),
    );
    expect(added.Attributes?.n).toEqual({ N: "1" });
  });

  it("refuses the rest with DynamoDB's 400 AccessDeniedException, not retried, and changes nothing", async () => {
    const error = await g.site.dynamo
      .send(new PutItemCommand({ TableName: g.table, Item: { ...key, n: { N: "99" } } }))
      .catch((e: unknown) => e);
    expect(error).toMatchObject({
      name: "AccessDeniedException",
      $fault: "client",
      $metadata: { httpStatusCode: 400, attempts: 1 },
    });
    expect((error as Error).message).toMatch(SITE_ROLE_REFUSED);
    expect((error as Error).message).toContain(
      `to perform: dynamodb:PutItem on resource: arn:aws:dynamodb:us-east-1:000000000000:table/${g.table} because no identity-based policy allows the dynamodb:PutItem action`,
    );
    const stored = await g.owner.dynamo.send(new GetItemCommand({ TableName: g.table, Key: key }));
    expect(stored.Item?.n).toEqual({ N: "1" });
    await expect(
      g.site.dynamo.send(new GetItemCommand({ TableName: g.table, Key: key })),
    ).rejects.toMatchObject({
      name: "AccessDeniedException",
    });
    await expect(g.site.dynamo.send(new ListTablesCommand({}))).rejects.toMatchObject({
      name: "AccessDeniedException",
    });
  });

  it("refuses granted actions on any other table", async () => {
    await g.owner.dynamo.send(
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
    await expect(g.site.dynamo.send(update)).rejects.toMatchObject({
      name: "AccessDeniedException",
      message: expect.stringContaining("table/other"),
    });
    await expect(g.owner.dynamo.send(update)).resolves.toBeDefined();
  });
});

describe("DynamoDB, as the owner", () => {
  it("may do anything: list tables, create one, write any item", async () => {
    expect((await g.owner.dynamo.send(new ListTablesCommand({}))).TableNames).toContain(g.table);
    await g.owner.dynamo.send(
      new PutItemCommand({ TableName: g.table, Item: { pk: { S: "owner" }, sk: { S: "x" } } }),
    );
  });
});

describe("DynamoDB, as anyone else", () => {
  it("is refused as AWS refuses an unknown access key, or an unsigned request", async () => {
    const stranger = g.as({ accessKeyId: "S3RVER", secretAccessKey: "S3RVER" });
    await expect(stranger.dynamo.send(new ListTablesCommand({}))).rejects.toMatchObject({
      name: "UnrecognizedClientException",
      message: "The security token included in the request is invalid.",
    });
    const unsigned = await fetch(g.stack.env.AWS_ENDPOINT_URL_DYNAMODB!, {
      method: "POST",
      headers: {
        "x-amz-target": "DynamoDB_20120810.ListTables",
        "content-type": "application/x-amz-json-1.0",
      },
      body: "{}",
    });
    expect(unsigned.status).toBe(400);
    expect(await unsigned.json()).toMatchObject({
      __type: expect.stringMatching(/MissingAuthenticationToken/),
    });
  });
});
