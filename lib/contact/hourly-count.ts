// Counters per UTC hour on the Messages table, for the per-client message limit and the
// cap on download alert mails. One atomic UpdateItem … ADD per event, never a read then
// a write; each counter deletes itself through TTL an hour after its hour ends.
// No `import "server-only"`: the Pages API download route caps its alert mails here.
import { UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { messagesDb } from "./dynamo";
import * as table from "./table";

export type HourlyCount = { count: number; secondsLeft: number };

/** Adds one to this hour's counter for `id` and returns the new value. */
export async function countThisHour(id: string, now = Date.now()): Promise<HourlyCount> {
  const { hour, secondsLeft } = table.utcHour(now);
  const { Attributes } = await messagesDb.send(
    new UpdateCommand({
      TableName: table.name(),
      Key: table.counterKey(hour, id),
      UpdateExpression: "ADD #n :one SET expiresAt = if_not_exists(expiresAt, :expires)",
      ExpressionAttributeNames: { "#n": "n" },
      ExpressionAttributeValues: { ":one": 1, ":expires": Math.floor(now / 1000) + secondsLeft + 3_600 },
      ReturnValues: "UPDATED_NEW",
    }),
  );
  return { count: Number(Attributes?.n ?? 1), secondsLeft };
}
