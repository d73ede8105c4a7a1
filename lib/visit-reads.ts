// The Visits table's reads; its layout and writes are in visit-store.ts.
import "server-only";
import { BatchGetCommand } from "@aws-sdk/lib-dynamodb";
import { dynamo } from "./aws";
import { monthDays, monthKey, type ShardCounts, shardCount, table, totalKey } from "./visit-store";

/**
 * Reads every shard's lifetime views and the month items that hold `days`, indexed by
 * shard: N totals and N items per month, one strongly consistent BatchGet (two past 100
 * keys, with more than 25 shards), whatever the number of days.
 */
export async function readShards(days: string[]): Promise<ShardCounts[]> {
  const shards = Array.from({ length: shardCount() }, (): ShardCounts => ({ total: 0, days: new Map() }));
  const months = [...new Set(days.map((day) => day.slice(0, 7)))];
  const keys = shards.flatMap((_, i) => [totalKey(i), ...months.map((month) => monthKey(i, `${month}-01`))]);
  const chunks = Array.from({ length: Math.ceil(keys.length / 100) }, (_, i) =>
    keys.slice(i * 100, i * 100 + 100),
  );
  for (const item of (await Promise.all(chunks.map(batchGet))).flat()) {
    const shard = shards[Number(String(item.pk).slice("shard#".length))];
    if (!shard) continue;
    if (item.sk === "total") shard.total = Number(item.views ?? 0);
    else for (const [day, stats] of monthDays(item)) shard.days.set(day, stats);
  }
  return shards;
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
