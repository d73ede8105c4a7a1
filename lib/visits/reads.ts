// The Visits table's reads, and the summary the page and /api/visits show: lifetime
// views, today and the last 30 days, summed over the shards.
import "server-only";
import { BatchGetCommand } from "@aws-sdk/lib-dynamodb";
import * as table from "./table";
import type { DayStats, ShardCounts } from "./table";

export const HISTORY_DAYS = 30;

export type VisitSummary = { total: number; today: DayStats; history: DayStats[] };

/** The last `count` UTC days, oldest first, ending today. */
export function lastDays(now: Date, count = HISTORY_DAYS): string[] {
  return Array.from({ length: count }, (_, i) =>
    table.utcDay(new Date(now.getTime() - (count - 1 - i) * 86_400_000)),
  );
}

/** Lifetime views, today's stats and the last 30 days, summed over the shards. */
export async function readVisitSummary(now = new Date()): Promise<VisitSummary> {
  const days = lastDays(now);
  return summarize(days, await readShards(days));
}

/**
 * Reads every shard's lifetime views and the month items that hold `days`, indexed by
 * shard: N totals and N items per month, one strongly consistent BatchGet (two past 100
 * keys, with more than 25 shards), whatever the number of days.
 */
export async function readShards(days: string[]): Promise<ShardCounts[]> {
  const shards = Array.from({ length: table.shardCount() }, (): ShardCounts => ({
    total: 0,
    days: new Map(),
  }));
  const months = monthsOf(days);
  const keys = shards.flatMap((_, i) => [
    table.totalKey(i),
    ...months.map((month) => table.monthKey(i, `${month}-01`)),
  ]);
  const chunks = Array.from({ length: Math.ceil(keys.length / 100) }, (_, i) =>
    keys.slice(i * 100, i * 100 + 100),
  );
  for (const item of (await Promise.all(chunks.map(batchGet))).flat()) {
    const shard = shards[Number(String(item.pk).slice("shard#".length))];
    if (!shard) continue;
    if (item.sk === "total") shard.total = Number(item.views ?? 0);
    else for (const [day, stats] of table.monthDays(item)) shard.days.set(day, stats);
  }
  return shards;
}

// How long one instance reuses a read of the shards for the page. A warm instance
// serving a burst of views then reads once a second instead of once a view (a BatchGet
// of 3N items: 12 to 25 % of a warm view's time in bench:warm); what it shows lags other
// instances' writes by at most this long, never its own (see noteWrite).
export const REUSE_READ_MS = 1_000;

type RecentRead = { months: string; at: number; shards: Promise<ShardCounts[]> };
let recent: RecentRead | undefined;

/**
 * readShards, reused within one instance for REUSE_READ_MS: concurrent and following
 * views share one BatchGet. The caller gets its own array (noteWrite is how to change
 * what later callers see). A failed read is not kept.
 */
export async function readRecentShards(days: string[], now = Date.now()): Promise<ShardCounts[]> {
  const months = monthsOf(days).join();
  if (!recent || recent.months !== months || now - recent.at >= REUSE_READ_MS || now < recent.at) {
    const read: RecentRead = { months, at: now, shards: readShards(days) };
    recent = read;
    read.shards.catch(() => {
      if (recent === read) recent = undefined;
    });
  }
  return [...(await recent.shards)];
}

/**
 * Folds a write this instance made into the reused read, so that every later view here
 * includes it: one instance's counts never go backwards or skip its own views.
 */
export function noteWrite(shard: number, written: ShardCounts): void {
  if (!recent) return;
  const shards = recent.shards.then((read) => {
    read[shard] = newestOf(read[shard], written);
    return read;
  });
  shards.catch(() => {}); // a failed read is reported to the views that wait for it
  recent.shards = shards;
}

/**
 * One shard as a read and a write beside it saw it. Counters only grow, so for each the
 * larger of the two is the newer.
 */
export function newestOf(read: ShardCounts | undefined, written: ShardCounts): ShardCounts {
  const days = new Map(read?.days);
  for (const [day, stats] of written.days) {
    const newer = { ...stats };
    for (const counter of table.COUNTERS)
      newer[counter] = Math.max(stats[counter], days.get(day)?.[counter] ?? 0);
    days.set(day, newer);
  }
  return { total: Math.max(written.total, read?.total ?? 0), days };
}

/** Sums the shards, and lays the days out oldest first, empty days as zeros. */
export function summarize(days: string[], shards: ShardCounts[]): VisitSummary {
  const history = days.map((day) => {
    const sum: DayStats = { day, views: 0, uniques: 0, downloads: 0 };
    for (const shard of shards) {
      const stats = shard.days.get(day);
      for (const counter of table.COUNTERS) sum[counter] += stats?.[counter] ?? 0;
    }
    return sum;
  });
  const total = shards.reduce((sum, shard) => sum + shard.total, 0);
  const today = history.at(-1) ?? { day: table.utcDay(new Date()), views: 0, uniques: 0, downloads: 0 };
  return { total, today, history };
}

const monthsOf = (days: string[]) => [...new Set(days.map((day) => day.slice(0, 7)))];

/**
 * Reads one counter item, for the health check: proof that the table answers, with the
 * BatchGetItem the role already grants (GetItem is deliberately not granted).
 */
export async function pingTable(abortSignal: AbortSignal): Promise<void> {
  await table.dynamo.send(
    new BatchGetCommand({ RequestItems: { [table.name()]: { Keys: [table.totalKey(0)] } } }),
    {
      abortSignal,
    },
  );
}

async function batchGet(keys: Record<string, unknown>[]): Promise<Record<string, unknown>[]> {
  return (await table.batchGetAll({ [table.name()]: keys }))[table.name()] ?? [];
}
