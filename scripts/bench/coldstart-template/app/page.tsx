/**
 * The cold-start baseline (`npm run bench:coldstart`): the least a counted page can be,
 * one UpdateItem ADD per request, no security headers, no visitor ids, no history.
 */
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { connection } from "next/server";

const dynamo = DynamoDBDocumentClient.from(new DynamoDBClient({}));

export default async function Page() {
  await connection();
  const { Attributes } = await dynamo.send(
    new UpdateCommand({
      TableName: process.env.VISITS_TABLE,
      Key: { pk: "baseline", sk: "views" },
      UpdateExpression: "ADD #views :one",
      ExpressionAttributeNames: { "#views": "views" },
      ExpressionAttributeValues: { ":one": 1 },
      ReturnValues: "UPDATED_NEW",
    }),
  );
  return <main>{`Views: ${String(Attributes?.views)}`}</main>;
}
