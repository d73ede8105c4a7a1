// No `import "server-only"`: the Pages API download route records downloads here too.
import { randomInt, randomUUID } from "node:crypto";
import { PutCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { ConditionalCheckFailedException } from "@aws-sdk/client-dynamodb";
import { Resource } from "sst";
import { dynamoWrites, neverSent } from "./aws";

// Layout of the Visits table (docs/visits.md has the reasoning and the math):
//   pk "shard#<i>", sk "total"          lifetime views held by shard i
//   pk "shard#<i>", sk "day#YYYY-MM-DD"  that day's views, uniques, downloads in shard i
//   pk "visitor#<day>#<id>", sk "seen"   one visitor seen that day; expires by TTL
// Each shard is its own partition key, so writes spread over N partitions instead of
// queueing on one item's 1,000 writes/s. Readers sum the shards.

export const TTL_ATTRIBUTE = "expiresAt";
export type DayStats = { day: string; views: number; uniques: number; downloads: number };
/** One shard's counters: its lifetime views and its stats for each day it holds. */
export type ShardCounts = { total: number; days: Map<string, DayStats> };

/** How many shards views are spread over. Only ever raise it: readers sum shards 0..N-1. */
export function shardCount(env: Record<string, string | undefined> = process.env): number {
  const n = Number(env.VISIT_SHARDS ?? 8);
  if (!Number.isInteger(n) || n < 1 || n > 50)
    throw new Error(`VISIT_SHARDS must be 1-50, not ${env.VISIT_SHARDS}`);
  return n;
}

export const table = () => Resource.Visits.name;
export const totalKey = (shard: number) => ({ pk: `shard#${shard}`, sk: "total" });
export const dayKey = (shard: number, day: string) => ({ pk: `shard#${shard}`, sk: `day#${day}` });

/** A day item's counters (absent attributes are 0). */
export function dayStats(day: string, item: Record<string, unknown>): DayStats {
  return {
    day,
    views: Number(item.views ?? 0),
    uniques: Number(item.uniques ?? 0),
    downloads: Number(item.downloads ?? 0),
  };
}

/** Adds to an item's counters; resolves to the item as the addition left it. */
async function add(
  key: Record<string, string>,
  counts: Partial<Record<"views" | "uniques" | "downloads", number>>,
): Promise<Record<string, unknown>> {
  const names = Object.keys(counts);
  const { Attributes } = await dynamoWrites.send(
    new UpdateCommand({
      TableName: table(),
      Key: key,
      UpdateExpression: `ADD ${names.map((name, i) => `#n${i} :v${i}`).join(", ")}`,
      ExpressionAttributeNames: Object.fromEntries(names.map((name, i) => [`#n${i}`, name])),
      ExpressionAttributeValues: Object.fromEntries(
        Object.values(counts).map((value, i) => [`:v${i}`, value]),
      ),
      ReturnValues: "ALL_NEW",
    }),
  );
  return Attributes ?? {};
}

/** Writes the visitor's dedup record; true only for the first view of the day. */
async function markVisitor(day: string, visitorId: string): Promise<boolean> {
  // Kept one day past the day's end, then DynamoDB's TTL deletes it.
  const expiresAt = Math.floor(Date.parse(`${day}T00:00:00Z`) / 1000) + 2 * 86_400;
  // A token of this request's own: if the answer to the write is lost, writing again on
  // the condition "absent, or written by us" is safe, and tells whether we were first.
  const token = randomUUID();
  const put = (condition: string) =>
    dynamoWrites.send(
      new PutCommand({
        TableName: table(),
        Item: { pk: `visitor#${day}#${visitorId}`, sk: "seen", [TTL_ATTRIBUTE]: expiresAt, token },
        ConditionExpression: condition,
        ...(condition.includes("#token")
          ? {
              ExpressionAttributeNames: { "#token": "token" },
              ExpressionAttributeValues: { ":token": token },
            }
          : {}),
      }),
    );
  try {
    await put("attribute_not_exists(pk)");
    return true;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false;
    if (!answerLost(error)) throw error;
  }
  try {
    await put("attribute_not_exists(pk) OR #token = :token");
    return true;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false;
    throw error;
  }
}

/** The write was sent but its answer never came (or was a 5xx): it may have been applied. */
function answerLost(error: unknown): boolean {
  if (neverSent(error)) return false;
  const { name, $metadata } = (error ?? {}) as { name?: string; $metadata?: { httpStatusCode?: number } };
  return name === "TimeoutError" || ($metadata?.httpStatusCode ?? 0) >= 500;
}

/** A counted view: whether it was the visitor's first of the day, and its shard as written. */
export type StoredView = { newVisitor: boolean; shard: number; counts: ShardCounts };

/**
 * Counts one view: the dedup write and both view increments go out together (one
 * round trip); a first view of the day adds a unique in a second. The increments return
 * the items they left, so the caller knows this shard's counts without reading it again.
 */
export async function recordView(day: string, visitorId: string): Promise<StoredView> {
  const shard = randomInt(shardCount());
  const [newVisitor, total, today] = await Promise.all([
    markVisitor(day, visitorId),
    add(totalKey(shard), { views: 1 }),
    add(dayKey(shard, day), { views: 1 }),
  ]);
  const latest = newVisitor ? await add(dayKey(shard, day), { uniques: 1 }) : today;
  return {
    newVisitor,
    shard,
    counts: { total: Number(total.views ?? 0), days: new Map([[day, dayStats(day, latest)]]) },
  };
}

/** Counts one completed resume download on that day. */
export async function recordDownload(day: string): Promise<void> {
  await add(dayKey(randomInt(shardCount()), day), { downloads: 1 });
}
