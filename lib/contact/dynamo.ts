// The Messages table's DynamoDB client. Every write to it is safe to send twice: the
// message put is conditional on its id, delivery updates are conditional on the
// message's state, and a counter counted twice only makes a limit stricter by one.
// No `import "server-only"`: the Pages API download route counts its alert mails here.
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { NodeHttpHandler } from "@smithy/node-http-handler";
import { timeouts } from "../aws";

export const messagesDb = DynamoDBDocumentClient.from(
  new DynamoDBClient({ maxAttempts: 2, requestHandler: new NodeHttpHandler(timeouts) }),
  { marshallOptions: { removeUndefinedValues: true } },
);
