// Messages in their table: stored before the visitor hears "sent", marked delivered (and
// stripped of their content) once SES accepted them, and handed to the retry job while
// they are not. See lib/contact/table.ts for the layout.
import "server-only";
import { PutCommand, QueryCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { messagesDb } from "./dynamo";
import { PENDING, PENDING_INDEX } from "./pending-index";
import * as table from "./table";

export type Message = { id: string; receivedAt: number; name: string; email: string; message: string };
export type PendingMessage = Message & { attempts: number; nextAttemptAt: number };

/** How long the endpoint's own first send may take before the retry job may step in. */
export const FIRST_SEND_LEASE_MS = 2 * 60_000;

const day = (at: number) => new Date(at).toISOString().slice(0, 10);
const keyOf = (m: Message) => table.messageKey(day(m.receivedAt), m.id);

/**
 * Stores a new message as undelivered. "duplicate" when one with the same id is already
 * there (the same form sent twice, or this put retried after its answer was lost).
 */
export async function storeMessage(message: Message): Promise<"stored" | "duplicate"> {
  try {
    await messagesDb.send(
      new PutCommand({
        TableName: table.name(),
        Item: {
          ...keyOf(message),
          ...message,
          attempts: 0,
          pending: PENDING,
          nextAttemptAt: message.receivedAt + FIRST_SEND_LEASE_MS,
          expiresAt: table.expiresAfter(message.receivedAt, table.RETENTION_DAYS),
        },
        ConditionExpression: "attribute_not_exists(pk)",
      }),
    );
    return "stored";
  } catch (error) {
    if ((error as { name?: string }).name === "ConditionalCheckFailedException") return "duplicate";
    throw error;
  }
}

/**
 * Keeps only what shows the message arrived: id, times, attempts and SES's message id.
 * The content now lives in the owner's mailbox, not here.
 */
export async function markDelivered(message: Message, sesMessageId: string, now = Date.now()): Promise<void> {
  await messagesDb
    .send(
      new UpdateCommand({
        TableName: table.name(),
        Key: keyOf(message),
        UpdateExpression:
          "SET deliveredAt = :now, sesMessageId = :ses REMOVE pending, nextAttemptAt, #name, email, #message",
        ConditionExpression: "attribute_exists(pending)",
        ExpressionAttributeNames: { "#name": "name", "#message": "message" },
        ExpressionAttributeValues: { ":now": now, ":ses": sesMessageId },
      }),
    )
    .catch((error: { name?: string }) => {
      // Already marked by a concurrent delivery: nothing left to do.
      if (error.name !== "ConditionalCheckFailedException") throw error;
    });
}

/**
 * Takes a message for one delivery attempt: moves its next attempt to `retryAt` (where a
 * failed attempt leaves it) and counts the attempt, only if nobody else took it since it
 * was read. False when someone did.
 */
export async function claimAttempt(message: PendingMessage, retryAt: number): Promise<boolean> {
  try {
    await messagesDb.send(
      new UpdateCommand({
        TableName: table.name(),
        Key: keyOf(message),
        UpdateExpression: "SET nextAttemptAt = :retryAt, attempts = attempts + :one",
        ConditionExpression: "nextAttemptAt = :seen AND attribute_exists(pending)",
        ExpressionAttributeValues: { ":retryAt": retryAt, ":seen": message.nextAttemptAt, ":one": 1 },
      }),
    );
    return true;
  } catch (error) {
    if ((error as { name?: string }).name === "ConditionalCheckFailedException") return false;
    throw error;
  }
}

/** Every undelivered message, from the sparse index (they are few: delivery removes them). */
export async function listPending(): Promise<PendingMessage[]> {
  const messages: PendingMessage[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await messagesDb.send(
      new QueryCommand({
        TableName: table.name(),
        IndexName: PENDING_INDEX,
        KeyConditionExpression: "pending = :pending",
        ExpressionAttributeValues: { ":pending": PENDING },
        ExclusiveStartKey: start,
      }),
    );
    messages.push(...((page.Items ?? []) as PendingMessage[]));
    start = page.LastEvaluatedKey;
  } while (start);
  return messages;
}

/** How many messages arrived on a UTC day (delivered or not): one Query that counts. */
export async function countReceived(utcDay: string): Promise<number> {
  let count = 0;
  let start: Record<string, unknown> | undefined;
  do {
    const page = await messagesDb.send(
      new QueryCommand({
        TableName: table.name(),
        KeyConditionExpression: "pk = :day AND begins_with(sk, :message)",
        ExpressionAttributeValues: { ":day": table.dayPartition(utcDay), ":message": "message#" },
        Select: "COUNT",
        ExclusiveStartKey: start,
      }),
    );
    count += page.Count ?? 0;
    start = page.LastEvaluatedKey;
  } while (start);
  return count;
}
