// DynamoDB's JSON protocol for the gate: which IAM actions on which resources a request
// needs, and the refusal DynamoDB sends when the policy does not allow one.
// No library maps requests to IAM actions; this follows the DynamoDB API reference and
// its "actions, resources and condition keys" page in the Service Authorization Reference.
import { randomBytes } from "node:crypto";
import { LOCAL_ACCOUNT } from "../identities";
import type { Check } from "./authorizer";
import type { Refusal } from "./s3-refusals";

type Body = Record<string, unknown>;
type Item = Record<string, { TableName?: unknown } | undefined>;

const tableArn = (region: string, table: string) =>
  table.startsWith("arn:") ? table : `arn:aws:dynamodb:${region}:${LOCAL_ACCOUNT}:table/${table}`;

// Transactions have no IAM action of their own: each item is authorised as its single-item action.
const TRANSACT_WRITE: Record<string, string> = {
  Put: "dynamodb:PutItem",
  Update: "dynamodb:UpdateItem",
  Delete: "dynamodb:DeleteItem",
  ConditionCheck: "dynamodb:ConditionCheckItem",
};

// Actions on no particular table: IAM knows them only on "*".
const ACCOUNT_WIDE = new Set(["ListTables", "DescribeLimits", "DescribeEndpoints", "ListBackups"]);
// Tags are set on a resource named by its ARN.
const BY_ARN = new Set(["TagResource", "UntagResource", "ListTagsOfResource"]);

/**
 * What a request with this `X-Amz-Target` operation and JSON body needs: one check per
 * (action, resource). Undefined when the body does not name what it touches; DynamoDB
 * (and the emulator) refuses such a request as invalid without touching anything.
 */
export function dynamoChecks(operation: string, body: Body, region: string): Check[] | undefined {
  const action = `dynamodb:${operation}`;
  const strings = (values: unknown[]) => (values.every((v) => typeof v === "string") ? values : undefined);

  if (ACCOUNT_WIDE.has(operation)) return [{ action, resource: "*" }];
  if (BY_ARN.has(operation))
    return typeof body.ResourceArn === "string" ? [{ action, resource: body.ResourceArn }] : undefined;
  if (operation === "BatchGetItem" || operation === "BatchWriteItem") {
    const tables = strings(Object.keys(asObject(body.RequestItems) ?? {}));
    return tables?.length
      ? tables.map((table) => ({ action, resource: tableArn(region, table) }))
      : undefined;
  }
  if (operation === "TransactWriteItems" || operation === "TransactGetItems") {
    const items = Array.isArray(body.TransactItems) ? (body.TransactItems as Item[]) : [];
    const checks = items.flatMap((item) =>
      Object.entries(item ?? {}).map(([kind, detail]) => {
        const single = operation === "TransactGetItems" ? "dynamodb:GetItem" : TRANSACT_WRITE[kind];
        const table = detail?.TableName;
        return single && typeof table === "string"
          ? { action: single, resource: tableArn(region, table) }
          : undefined;
      }),
    );
    return checks.length > 0 && checks.every(Boolean) ? (checks as Check[]) : undefined;
  }
  if (typeof body.TableName !== "string") return undefined;
  const table = tableArn(region, body.TableName);
  // A query or scan of an index is authorised on the index.
  const index = typeof body.IndexName === "string" ? `${table}/index/${body.IndexName}` : undefined;
  return [{ action, resource: index ?? table }];
}

function asObject(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === "object" && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

/** DynamoDB's answer to a request the caller's policy does not allow: 400, not 403. */
export function dynamoAccessDenied(principal: string, check: Check, explicit: boolean) {
  const why = explicit
    ? "with an explicit deny in an identity-based policy"
    : `because no identity-based policy allows the ${check.action} action`;
  return dynamoError("com.amazon.coral.service#AccessDeniedException", {
    Message: `User: ${principal} is not authorized to perform: ${check.action} on resource: ${check.resource} ${why}`,
  });
}

/** A signature with an access key the account does not know. */
export const dynamoUnknownKey = () =>
  dynamoError("com.amazon.coral.service#UnrecognizedClientException", {
    message: "The security token included in the request is invalid.",
  });

export const dynamoMissingKey = () =>
  dynamoError("com.amazon.coral.service#MissingAuthenticationTokenException", {
    message: "Request is missing Authentication Token",
  });

// AWS spells the message field "Message" in access denials and "message" elsewhere.
function dynamoError(type: string, message: { Message: string } | { message: string }): Refusal {
  return {
    status: 400,
    headers: {
      "content-type": "application/x-amz-json-1.0",
      "x-amzn-requestid": randomBytes(26).toString("hex").toUpperCase().slice(0, 52),
    },
    body: JSON.stringify({ __type: type, ...message }),
  };
}
