// The Visits table's reads; its layout and writes are in visit-store.ts.
import "server-only";
import { BatchGetCommand, QueryCommand } from "@aws-sdk/lib-dynamodb";
import { dynamo } from "./aws";
import {
  type DayStats,
  dayKey,
  dayStats,
  type ShardCounts,
  shardCount,
  table,
  totalKey,
} from "./visit-store";

/**
 * Reads every shard's lifetime views and its stats for `day` in one strongly consistent
 * BatchGet of 2N keys (N is at most 50, so 2N fits one call's 100), indexed by shard.
 */
export async function readShards(day: string): Promise<ShardCounts[]> {
  const shards = Array.from({ length: shardCount() }, (): ShardCounts => ({
    total: 0,
    days: new Map([[day, dayStats(day, {})]]),
  }));
  const keys = shards.flatMap((_, i) => [totalKey(i), dayKey(i, day)]);
  for (const item of await batchGet(keys)) {
    const shard = shards[Number(String(item.pk).slice("shard#".length))];
    if (!shard) continue;
    if (item.sk === "total") shard.total = Number(item.views ?? 0);
    else shard.days.set(day, dayStats(day, item));
  }
  return shards;
}

/**
 * The stats of the days from `first` to `last`, summed over the shards: one Query per
 * shard over its "day#…" range, about 30 small items for a single read unit, where
 * getting them one by one would take one unit each. Eventually consistent: past days
 * no longer change (but for a download at midnight).
 */
export async function readDays(first: string, last: string): Promise<Map<string, DayStats>> {
  const sums = new Map<string, DayStats>();
  const perShard = await Promise.all(
    Array.from({ length: shardCount() }, (_, shard) => queryDays(shard, first, last)),
  );
  for (const item of perShard.flat()) {
    const day = String(item.sk).slice("day#".length);
    const stats = dayStats(day, item);
    const sum = sums.get(day) ?? dayStats(day, {});
    sums.set(day, {
      day,
      views: sum.views + stats.views,
      uniques: sum.uniques + stats.uniques,
      downloads: sum.downloads + stats.downloads,
    });
  }
  return sums;
}

async function queryDays(shard: number, first: string, last: string): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await dynamo.send(
      new QueryCommand({
        TableName: table(),
        KeyConditionExpression: "pk = :pk AND sk BETWEEN :first AND :last",
        ExpressionAttributeValues: {
          ":pk": `shard#${shard}`,
          ":first": `day#${first}`,
          ":last": `day#${last}`,
        },
        ExclusiveStartKey: start,
      }),
    );
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  return items;
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

async function batchGet(keys: Record<string, unknown>[]): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let pending = keys;
  // DynamoDB may return part of a batch as UnprocessedKeys under load: ask again.
  for (let attempt = 0; pending.length > 0; attempt++) {
    if (attempt === 5) throw new Error(`BatchGetItem left ${pending.length} keys unprocessed`);
    const { Responses, UnprocessedKeys } = await dynamo.send(
      // Strongly consistent: a count read after a write includes that write.
      new BatchGetCommand({ RequestItems: { [table()]: { Keys: pending, ConsistentRead: true } } }),
    );
    items.push(...(Responses?.[table()] ?? []));
    pending = UnprocessedKeys?.[table()]?.Keys ?? [];
  }
  return items;
}
