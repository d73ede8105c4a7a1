// The Visits table's layout (docs/visits.md has the reasoning and the math):
//   pk "shard#<i>", sk "total"            lifetime views held by shard i
//   pk "shard#<i>", sk "month#YYYY-MM"    that month's days in shard i: v<DD>, u<DD> and
//                                          d<DD> hold day DD's views, uniques, downloads
//   pk "visitor#<day>#<id>", sk "seen"     one visitor seen that day; expires by TTL
// Each shard is its own partition key, so writes spread over N partitions instead of
// queueing on one item's 1,000 writes/s. Readers sum the shards. A month per item keeps
// the 30-day history within one BatchGet (N totals and N items per month), and the
// item small: 93 short attributes, under the 1 KB of one write unit.
// No `import "server-only"`: the download route's writes use it (see dynamo.ts).
import { Resource } from "sst";

export const TTL_ATTRIBUTE = "expiresAt";

/** One day's counters, summed over the shards or as one shard holds them. */
export type DayStats = { day: string; views: number; uniques: number; downloads: number };
/** One shard's counters: its lifetime views and its stats for each day read. */
export type ShardCounts = { total: number; days: Map<string, DayStats> };

/** The UTC calendar day, as YYYY-MM-DD: the unit every counter and visitor record is kept in. */
export function utcDay(at: Date = new Date()): string {
  return at.toISOString().slice(0, 10);
}

/** How many shards views are spread over. Only ever raise it: readers sum shards 0..N-1. */
export function shardCount(env: Record<string, string | undefined> = process.env): number {
  const n = Number(env.VISIT_SHARDS ?? 8);
  if (!Number.isInteger(n) || n < 1 || n > 50)
    throw new Error(`VISIT_SHARDS must be 1-50, not ${env.VISIT_SHARDS}`);
  return n;
}

/** The table's name, as linked (`Resource.Visits`). */
export const name = () => Resource.Visits.name;
export const totalKey = (shard: number) => ({ pk: `shard#${shard}`, sk: "total" });
/** The item holding `day` (YYYY-MM-DD) in a shard: its month's. */
export const monthKey = (shard: number, day: string) => ({
  pk: `shard#${shard}`,
  sk: `month#${day.slice(0, 7)}`,
});
/** The record of one visitor seen on `day`, under their daily id. */
export const visitorKey = (day: string, visitorId: string) => ({
  pk: `visitor#${day}#${visitorId}`,
  sk: "seen",
});

const LETTERS = { views: "v", uniques: "u", downloads: "d" } as const;
export type Counter = keyof typeof LETTERS;
/** The counters each day has, in DayStats and in a month item. */
export const COUNTERS = Object.keys(LETTERS) as Counter[];
const COUNTER_OF_LETTER = new Map(COUNTERS.map((counter) => [LETTERS[counter], counter]));
/** The attribute of a month item that holds one day's counter: "v27" for views on the 27th. */
export const dayAttribute = (counter: Counter, day: string) => `${LETTERS[counter]}${day.slice(8, 10)}`;

/** The days of a month item, as stats (absent counters are 0). */
export function monthDays(item: Record<string, unknown>): Map<string, DayStats> {
  const days = new Map<string, DayStats>();
  const month = String(item.sk).slice("month#".length);
  for (const [name, value] of Object.entries(item)) {
    const match = /^([a-z])(\d\d)$/.exec(name);
    const counter = match && COUNTER_OF_LETTER.get(match[1] as (typeof LETTERS)[Counter]);
    if (!match || !counter) continue;
    const day = `${month}-${match[2]}`;
    const stats = days.get(day) ?? { day, views: 0, uniques: 0, downloads: 0 };
    stats[counter] += Number(value);
    days.set(day, stats);
  }
  return days;
}
