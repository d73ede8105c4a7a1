import { describe, expect, it } from "vitest";
import { iamProblem } from "../../../test/support/iam-validity";
import { dynamoAccessDenied, dynamoChecks } from "./dynamodb";

const table = (name: string) => `arn:aws:dynamodb:eu-west-1:000000000000:table/${name}`;

// Operation, body, the checks DynamoDB's IAM needs (Service Authorization Reference).
const CASES: [string, Record<string, unknown>, { action: string; resource: string }[]][] = [
  ["UpdateItem", { TableName: "Visits" }, [{ action: "dynamodb:UpdateItem", resource: table("Visits") }]],
  ["GetItem", { TableName: "Visits" }, [{ action: "dynamodb:GetItem", resource: table("Visits") }]],
  ["PutItem", { TableName: "Visits" }, [{ action: "dynamodb:PutItem", resource: table("Visits") }]],
  ["DeleteItem", { TableName: "Visits" }, [{ action: "dynamodb:DeleteItem", resource: table("Visits") }]],
  ["Scan", { TableName: "Visits" }, [{ action: "dynamodb:Scan", resource: table("Visits") }]],
  [
    "DescribeTable",
    { TableName: "Visits" },
    [{ action: "dynamodb:DescribeTable", resource: table("Visits") }],
  ],
  ["CreateTable", { TableName: "Visits" }, [{ action: "dynamodb:CreateTable", resource: table("Visits") }]],
  [
    "Query",
    { TableName: "Visits", IndexName: "byDay" },
    [{ action: "dynamodb:Query", resource: `${table("Visits")}/index/byDay` }],
  ],
  [
    "UpdateItem",
    { TableName: "arn:aws:dynamodb:us-east-1:111122223333:table/Other" },
    [{ action: "dynamodb:UpdateItem", resource: "arn:aws:dynamodb:us-east-1:111122223333:table/Other" }],
  ],
  [
    "BatchGetItem",
    { RequestItems: { Visits: {}, Daily: {} } },
    [
      { action: "dynamodb:BatchGetItem", resource: table("Visits") },
      { action: "dynamodb:BatchGetItem", resource: table("Daily") },
    ],
  ],
  [
    "BatchWriteItem",
    { RequestItems: { Visits: [] } },
    [{ action: "dynamodb:BatchWriteItem", resource: table("Visits") }],
  ],
  [
    "TransactWriteItems",
    {
      TransactItems: [
        { Put: { TableName: "Visits" } },
        { Update: { TableName: "Daily" } },
        { Delete: { TableName: "Visits" } },
        { ConditionCheck: { TableName: "Daily" } },
      ],
    },
    [
      { action: "dynamodb:PutItem", resource: table("Visits") },
      { action: "dynamodb:UpdateItem", resource: table("Daily") },
      { action: "dynamodb:DeleteItem", resource: table("Visits") },
      { action: "dynamodb:ConditionCheckItem", resource: table("Daily") },
    ],
  ],
  [
    "TransactGetItems",
    { TransactItems: [{ Get: { TableName: "Visits" } }] },
    [{ action: "dynamodb:GetItem", resource: table("Visits") }],
  ],
  ["ListTables", {}, [{ action: "dynamodb:ListTables", resource: "*" }]],
  [
    "TagResource",
    { ResourceArn: table("Visits") },
    [{ action: "dynamodb:TagResource", resource: table("Visits") }],
  ],
];

describe("dynamoChecks", () => {
  it.each(CASES)("%s %j needs %j", async (operation, body, expected) => {
    expect(dynamoChecks(operation, body, "eu-west-1")).toEqual(expected);
    // Each is a real IAM action on a resource type it applies to.
    for (const check of expected) expect(await iamProblem(check)).toBeUndefined();
  });

  it("names nothing for a body that does not say what it touches (DynamoDB refuses it as invalid)", () => {
    expect(dynamoChecks("UpdateItem", {}, "us-east-1")).toBeUndefined();
    expect(dynamoChecks("BatchGetItem", { RequestItems: {} }, "us-east-1")).toBeUndefined();
    expect(dynamoChecks("TransactWriteItems", { TransactItems: [{ Put: {} }] }, "us-east-1")).toBeUndefined();
    expect(
      dynamoChecks("TransactWriteItems", { TransactItems: [{ Bogus: { TableName: "t" } }] }, "us-east-1"),
    ).toBeUndefined();
  });
});

describe("dynamoAccessDenied", () => {
  it("is DynamoDB's 400 AccessDeniedException, naming who, what and where", () => {
    const check = { action: "dynamodb:GetItem", resource: table("Visits") };
    const refusal = dynamoAccessDenied("arn:aws:sts::000000000000:assumed-role/r/s", check, false);
    expect(refusal.status).toBe(400);
    expect(refusal.headers["content-type"]).toBe("application/x-amz-json-1.0");
    expect(JSON.parse(refusal.body)).toEqual({
      __type: "com.amazon.coral.service#AccessDeniedException",
      Message:
        `User: arn:aws:sts::000000000000:assumed-role/r/s is not authorized to perform: dynamodb:GetItem on resource: ${table("Visits")} ` +
        "because no identity-based policy allows the dynamodb:GetItem action",
    });
    expect(JSON.parse(dynamoAccessDenied("p", check, true).body).Message).toMatch(
      /with an explicit deny in an identity-based policy$/,
    );
  });
});
