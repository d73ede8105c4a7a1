// No `import "server-only"`: the Pages API download route records downloads here too.
import { randomInt, randomUUID } from "node:crypto";
import { UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { Resource } from "sst";
import { dynamoWrites, neverSent } from "./aws";

// Layout of the Visits table (docs/visits.md has the reasoning and the math):
//   pk "shard#<i>", sk "total"            lifetime views held by shard i
//   pk "shard#<i>", sk "month#YYYY-MM"    that month's days in shard i: v<DD>, u<DD> and
//                                          d<DD> hold day DD's views, uniques, downloads
//   pk "visitor#<day>#<id>", sk "seen"     one visitor seen that day; expires by TTL
// Each shard is its own partition key, so writes spread over N partitions instead of
// queueing on one item's 1,000 writes/s. Readers sum the shards. A month per item keeps
// the 30-day history within one BatchGet (N totals and N items per month), and the
// item small: 93 short attributes, under the 1 KB of one write unit.

export const TTL_ATTRIBUTE = "expiresAt";
export type DayStats = { day: string; views: number; uniques: number; downloads: number };
/** One shard's counters: its lifetime views and its stats for each day read. */
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
/** The item holding `day` (YYYY-MM-DD) in a shard: its month's. */
export const monthKey = (shard: number, day: string) => ({
  pk: `shard#${shard}`,
  sk: `month#${day.slice(0, 7)}`,
});

const LETTERS = { views: "v", uniques: "u", downloads: "d" } as const;
export type Counter = keyof typeof LETTERS;
/** The counters each day has, in DayStats and in a month item. */
export const COUNTERS = Object.keys(LETTERS) as Counter[];
const COUNTER_OF_LETTER = new Map(COUNTERS.map((counter) => [LETTERS[counter], counter]));
/** The attribute of a month item that holds one day's counter: "v27" for views on the 27th. */
const dayAttribute = (counter: Counter, day: string) => `${LETTERS[counter]}${day.slice(8, 10)}`;

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

/** Adds to an item's counters; resolves to the item as the addition left it. */
async function add(
  key: Record<string, string>,
  counts: Record<string, number>,
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

/**
 * Writes the visitor's dedup record; true only for the first view of the day. The record
 * keeps the token of the request that created it (`if_not_exists`), and the write
 * returns the record: our token back means we were first. Writing it again is harmless,
 * so a write whose answer was lost is simply sent once more, and still tells.
 */
async function markVisitor(day: string, visitorId: string): Promise<boolean> {
  // Kept one day past the day's end, then DynamoDB's TTL deletes it.
  const expiresAt = Math.floor(Date.parse(`${day}T00:00:00Z`) / 1000) + 2 * 86_400;
  const token = randomUUID();
  const mark = async () => {
    const { Attributes } = await dynamoWrites.send(
      new UpdateCommand({
        TableName: table(),
        Key: { pk: `visitor#${day}#${visitorId}`, sk: "seen" },
        UpdateExpression: "SET #token = if_not_exists(#token, :token), #expires = :expires",
        ExpressionAttributeNames: { "#token": "token", "#expires": TTL_ATTRIBUTE },
        ExpressionAttributeValues: { ":token": token, ":expires": expiresAt },
        ReturnValues: "ALL_NEW",
      }),
    );
    return Attributes?.token === token;
  };
  try {
    return await mark();
  } catch (error) {
    if (!answerLost(error)) throw error;
    return mark();
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
  const [marked, total, month] = await Promise.allSettled([
    markVisitor(day, visitorId),
    add(totalKey(shard), { views: 1 }),
    add(monthKey(shard, day), { [dayAttribute("views", day)]: 1 }),
  ]);
  if (marked.status === "rejected") throw marked.reason;
  // A first visit counts as one even when a view ADD beside it failed (it may well have
  // been applied): that failure is still reported, after the unique is recorded.
  const unique = marked.value
    ? await add(monthKey(shard, day), { [dayAttribute("uniques", day)]: 1 })
    : undefined;
  if (total.status === "rejected") throw total.reason;
  if (month.status === "rejected") throw month.reason;
  return {
    newVisitor: marked.value,
    shard,
    counts: { total: Number(total.value.views ?? 0), days: monthDays(unique ?? month.value) },
  };
}

/** Counts one completed resume download on that day. */
export async function recordDownload(day: string): Promise<void> {
  await add(monthKey(randomInt(shardCount()), day), { [dayAttribute("downloads", day)]: 1 });
}
