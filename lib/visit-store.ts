// No `import "server-only"`: the Pages API download route records downloads here too.
import { randomInt, randomUUID } from "node:crypto";
import { BatchGetCommand, PutCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { ConditionalCheckFailedException } from "@aws-sdk/client-dynamodb";
import { Resource } from "sst";
import { dynamo, dynamoWrites, neverSent } from "./aws";

// Layout of the Visits table (docs/visits.md has the reasoning and the math):
//   pk "shard#<i>", sk "total"          lifetime views held by shard i
//   pk "shard#<i>", sk "day#YYYY-MM-DD"  that day's views, uniques, downloads in shard i
//   pk "visitor#<day>#<id>", sk "seen"   one visitor seen that day; expires by TTL
// Each shard is its own partition key, so writes spread over N partitions instead of
// queueing on one item's 1,000 writes/s. Readers sum the shards.

export const TTL_ATTRIBUTE = "expiresAt";
export type DayStats = { day: string; views: number; uniques: number; downloads: number };

/** How many shards views are spread over. Only ever raise it: readers sum shards 0..N-1. */
export function shardCount(env: Record<string, string | undefined> = process.env): number {
  const n = Number(env.VISIT_SHARDS ?? 8);
  if (!Number.isInteger(n) || n < 1 || n > 50)
    throw new Error(`VISIT_SHARDS must be 1-50, not ${env.VISIT_SHARDS}`);
  return n;
}

const table = () => Resource.Visits.name;
const totalKey = (shard: number) => ({ pk: `shard#${shard}`, sk: "total" });
const dayKey = (shard: number, day: string) => ({ pk: `shard#${shard}`, sk: `day#${day}` });

function add(
  key: Record<string, string>,
  counts: Partial<Record<"views" | "uniques" | "downloads", number>>,
) {
  const names = Object.keys(counts);
  return dynamoWrites.send(
    new UpdateCommand({
      TableName: table(),
      Key: key,
      UpdateExpression: `ADD ${names.map((name, i) => `#n${i} :v${i}`).join(", ")}`,
      ExpressionAttributeNames: Object.fromEntries(names.map((name, i) => [`#n${i}`, name])),
      ExpressionAttributeValues: Object.fromEntries(
        Object.values(counts).map((value, i) => [`:v${i}`, value]),
      ),
    }),
  );
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

/**
 * Counts one view: the dedup write and both view increments go out together (one
 * round trip); a first view of the day adds a unique in a second.
 */
export async function recordView(day: string, visitorId: string): Promise<{ newVisitor: boolean }> {
  const shard = randomInt(shardCount());
  const [newVisitor] = await Promise.all([
    markVisitor(day, visitorId),
    add(totalKey(shard), { views: 1 }),
    add(dayKey(shard, day), { views: 1 }),
  ]);
  if (newVisitor) await add(dayKey(shard, day), { uniques: 1 });
  return { newVisitor };
}

/** Counts one completed resume download on that day. */
export async function recordDownload(day: string): Promise<void> {
  await add(dayKey(randomInt(shardCount()), day), { downloads: 1 });
}

/** Sums the shards: lifetime views and the given days' stats, in BatchGets of up to 100 keys. */
export async function readShards(days: string[]): Promise<{ total: number; days: DayStats[] }> {
  const shards = Array.from({ length: shardCount() }, (_, i) => i);
  const keys = [...shards.map(totalKey), ...days.flatMap((day) => shards.map((i) => dayKey(i, day)))];
  const items = await batchGet(keys);
  const stats = new Map(days.map((day) => [day, { day, views: 0, uniques: 0, downloads: 0 }]));
  let total = 0;
  for (const item of items) {
    if (item.sk === "total") total += Number(item.views ?? 0);
    const day = stats.get(String(item.sk).slice(4));
    if (!day) continue;
    day.views += Number(item.views ?? 0);
    day.uniques += Number(item.uniques ?? 0);
    day.downloads += Number(item.downloads ?? 0);
  }
  return { total, days: [...stats.values()] };
}

/**
 * Reads one counter item, for the health check: proof that the table answers, with the
 * BatchGetItem the role already grants (GetItem is deliberately not granted).
 */
export async function pingTable(abortSignal: AbortSignal): Promise<void> {
  await dynamo.send(new BatchGetCommand({ RequestItems: { [table()]: { Keys: [totalKey(0)] } } }), {
    abortSignal,
  });
}

async function batchGet(keys: Record<string, string>[]): Promise<Record<string, unknown>[]> {
  const chunks = Array.from({ length: Math.ceil(keys.length / 100) }, (_, i) =>
    keys.slice(i * 100, i * 100 + 100),
  );
  const results = await Promise.all(chunks.map((chunk) => batchGetChunk(chunk)));
  return results.flat();
}

async function batchGetChunk(keys: Record<string, unknown>[]): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let pending = keys;
  // DynamoDB may return part of a batch as UnprocessedKeys under load: ask again.
  for (let attempt = 0; pending.length > 0; attempt++) {
    if (attempt === 5) throw new Error(`BatchGetItem left ${pending.length} keys unprocessed`);
    const { Responses, UnprocessedKeys } = await dynamo.send(
      // Strongly consistent: the page shows a total that includes the view it just counted.
      new BatchGetCommand({ RequestItems: { [table()]: { Keys: pending, ConsistentRead: true } } }),
    );
    items.push(...(Responses?.[table()] ?? []));
    pending = UnprocessedKeys?.[table()]?.Keys ?? [];
  }
  return items;
}
