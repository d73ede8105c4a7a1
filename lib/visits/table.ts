// The Visits table's layout (docs/visits.md has the reasoning and the math):
//   pk "shard#<i>", sk "total"            lifetime views held by shard i
//   pk "shard#<i>", sk "month#YYYY-MM"    that month's days in shard i: v<DD>, u<DD> and
//                                          d<DD> hold day DD's views, uniques, downloads
// The daily visitor data is in a table of its own, DailyVisitors, without point-in-time
// recovery (docs/visits.md, "Data model"): the day's salts, the daily visitor records
// and the per-address caps, all deleted by TTL after their day.
// Each shard is its own partition key, so writes spread over N partitions instead of
// queueing on one item's 1,000 writes/s. Readers sum the shards. A month per item keeps
// the 30-day history within one BatchGet (N totals and N items per month), and the
// item small: 93 short attributes, under the 1 KB of one write unit.
// Also its two DynamoDB clients: reads, retried, and counter writes, never retried after
// an ambiguous failure. No `import "server-only"`: the Pages API download route records
// downloads through them (the lint rule keeps components/ away).
import { Agent } from "node:http";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { BatchGetCommand, DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { NodeHttpHandler } from "@smithy/node-http-handler";
import { StandardRetryStrategy } from "@smithy/util-retry";
import pLimit from "p-limit";
import { neverSent, timeouts } from "../aws";
import { Resource } from "sst";

// The SDK starts the connection timer before a request has a socket, so requests
// queued behind a busy socket pool time out without ever being sent. Under `next start`
// one process serves many requests: cap DynamoDB calls in flight here instead, and give
// the agent sockets enough for that cap. (On Lambda one request at a time runs anyway.)
// 32, not more: calls queued at a slow server count against the 1 s request timeout,
// calls queued here do not (the load test lost counts at 128 against the emulator);
// at DynamoDB's ~10 ms a call, 32 still allow ~3,000 calls/s per process.
class BoundedHttpHandler extends NodeHttpHandler {
  private readonly inFlight = pLimit(32);

  override handle(...args: Parameters<NodeHttpHandler["handle"]>): ReturnType<NodeHttpHandler["handle"]> {
    return this.inFlight(() => super.handle(...args));
  }
}
const dynamoHttp = new BoundedHttpHandler({
  ...timeouts,
  httpAgent: new Agent({ keepAlive: true, maxSockets: Infinity }),
});

/**
 * Counters use ADD, which is not idempotent: a write that timed out may have been
 * applied, and retrying it would count twice. Only throttling (the service refused,
 * nothing was written) is retried, and once a write that was never sent.
 */
export class ThrottlingOnlyRetryStrategy extends StandardRetryStrategy {
  override async refreshRetryTokenForRetry(
    ...[token, info]: Parameters<StandardRetryStrategy["refreshRetryTokenForRetry"]>
  ): ReturnType<StandardRetryStrategy["refreshRetryTokenForRetry"]> {
    // Once only: a dead endpoint must still fail within about 2 s (two connect timeouts).
    const unsentRetry = neverSent(info.error) && token.getRetryCount() === 0;
    if (info.errorType !== "THROTTLING" && !unsentRetry) {
      throw new Error("not retried: the write may have been applied");
    }
    return super.refreshRetryTokenForRetry(token, info);
  }
}

/** Reads (BatchGetItem): idempotent, retried once. */
export const dynamo = DynamoDBDocumentClient.from(
  new DynamoDBClient({ maxAttempts: 2, requestHandler: dynamoHttp }),
);

/** Counter and dedup writes (UpdateItem): never retried after an ambiguous failure. */
export const dynamoWrites = DynamoDBDocumentClient.from(
  new DynamoDBClient({ retryStrategy: new ThrottlingOnlyRetryStrategy(3), requestHandler: dynamoHttp }),
);

export const TTL_ATTRIBUTE = "expiresAt";

/**
 * Reads keys from one or more tables in one strongly consistent BatchGetItem (at most 100
 * keys), asking again for any DynamoDB leaves unprocessed under load. Items by table.
 */
export async function batchGetAll(
  keysByTable: Record<string, Record<string, unknown>[]>,
): Promise<Record<string, Record<string, unknown>[]>> {
  const items: Record<string, Record<string, unknown>[]> = {};
  let pending = Object.fromEntries(
    Object.entries(keysByTable).map(([table, keys]) => [table, { Keys: keys, ConsistentRead: true }]),
  );
  for (let attempt = 0; Object.keys(pending).length > 0; attempt++) {
    if (attempt === 5) throw new Error("BatchGetItem left keys unprocessed five times");
    const { Responses, UnprocessedKeys } = await dynamo.send(new BatchGetCommand({ RequestItems: pending }));
    for (const [table, found] of Object.entries(Responses ?? {})) (items[table] ??= []).push(...found);
    pending = Object.fromEntries(
      Object.entries(UnprocessedKeys ?? {}).filter(([, request]) => (request.Keys?.length ?? 0) > 0),
    ) as typeof pending;
  }
  return items;
}

/** The write was sent but its answer never came (or was a 5xx): it may have been applied. */
export function answerLost(error: unknown): boolean {
  if (neverSent(error)) return false;
  const { name, $metadata } = (error ?? {}) as { name?: string; $metadata?: { httpStatusCode?: number } };
  return name === "TimeoutError" || ($metadata?.httpStatusCode ?? 0) >= 500;
}

/** A conditional write whose condition did not hold (nothing was written). */
export const conditionFailed = (error: unknown) =>
  (error as { name?: string } | undefined)?.name === "ConditionalCheckFailedException";

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
/** The daily visitor data's table (`Resource.DailyVisitors`): salts, visitor records, address caps. */
export const dailyName = () => Resource.DailyVisitors.name;
export const totalKey = (shard: number) => ({ pk: `shard#${shard}`, sk: "total" });
/** The item holding `day` (YYYY-MM-DD) in a shard: its month's. */
export const monthKey = (shard: number, day: string) => ({
  pk: `shard#${shard}`,
  sk: `month#${day.slice(0, 7)}`,
});
/**
 * The daily visitor record: one visitor seen on `day`, under their daily id, in
 * DailyVisitors (in Visits on the changeover day, where that day's earlier records are).
 * Attributes: `token` (the view that saw them first), `download` (the download counted
 * for them), `expiresAt`. docs/visits.md lists them; add new ones there.
 */
export const visitorKey = (day: string, visitorId: string) => ({
  pk: `visitor#${day}#${visitorId}`,
  sk: "seen",
});
/** The day's salt, in DailyVisitors: `salt` (base64url), `legacy`, `expiresAt`. */
export const saltKey = (day: string) => ({ pk: `salt#${day}`, sk: "salt" });
/** One address's visitors of `day`, in DailyVisitors: `ids`, a set of at most the cap's visitor ids. */
export const addressKey = (day: string, address: string) => ({
  pk: `address#${day}#${address}`,
  sk: "visitors",
});

/** Seconds past a day's end that its salt and records are kept: views in flight at midnight finish. */
export const GRACE_SECONDS = 3_600;

/** When a day's salt and records expire (epoch seconds): the day's end plus the grace. */
export function dayExpiry(day: string): number {
  return Math.floor(Date.parse(`${day}T00:00:00Z`) / 1000) + 86_400 + GRACE_SECONDS;
}

/**
 * New unique visitors counted per address (IPv6: per /64) per day; further new user
 * agents from that address still count as views. Default 20 (docs/visits.md argues it).
 */
export function addressCap(env: Record<string, string | undefined> = process.env): number {
  const n = Number(env.VISITS_ADDRESS_CAP ?? 20);
  if (!Number.isInteger(n) || n < 1 || n > 1000)
    throw new Error(`VISITS_ADDRESS_CAP must be 1-1000, not ${env.VISITS_ADDRESS_CAP}`);
  return n;
}

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
