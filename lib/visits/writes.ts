// The Visits table's writes: views, daily visitors and downloads, all `UpdateItem … ADD`
// (never read-then-write). No `import "server-only"`: the Pages API download route
// records downloads here (the lint rule keeps components/ away).
import { randomInt, randomUUID } from "node:crypto";
import { UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { neverSent } from "../aws";
import * as table from "./table";
import type { ShardCounts } from "./table";

/** Adds to an item's counters; resolves to the item as the addition left it. */
async function add(
  key: Record<string, string>,
  counts: Record<string, number>,
): Promise<Record<string, unknown>> {
  const names = Object.keys(counts);
  const { Attributes } = await table.dynamoWrites.send(
    new UpdateCommand({
      TableName: table.name(),
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
    const { Attributes } = await table.dynamoWrites.send(
      new UpdateCommand({
        TableName: table.name(),
        Key: table.visitorKey(day, visitorId),
        UpdateExpression: "SET #token = if_not_exists(#token, :token), #expires = :expires",
        ExpressionAttributeNames: { "#token": "token", "#expires": table.TTL_ATTRIBUTE },
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

/** A recorded view: whether it was the visitor's first of the day, and its shard as the writes left it. */
export type RecordedView = { newVisitor: boolean; shard: number; counts: ShardCounts };

/**
 * Counts one view: the dedup write and both view increments go out together (one
 * round trip); a first view of the day adds a unique in a second. The increments return
 * the items they left, so the caller knows this shard's counts without reading it again.
 */
export async function recordView(day: string, visitorId: string): Promise<RecordedView> {
  const shard = randomInt(table.shardCount());
  const [marked, total, month] = await Promise.allSettled([
    markVisitor(day, visitorId),
    add(table.totalKey(shard), { views: 1 }),
    add(table.monthKey(shard, day), { [table.dayAttribute("views", day)]: 1 }),
  ]);
  if (marked.status === "rejected") throw marked.reason;
  // A first visit counts as one even when a view ADD beside it failed (it may well have
  // been applied): that failure is still reported, after the unique is recorded.
  const unique = marked.value
    ? await add(table.monthKey(shard, day), { [table.dayAttribute("uniques", day)]: 1 })
    : undefined;
  if (total.status === "rejected") throw total.reason;
  if (month.status === "rejected") throw month.reason;
  return {
    newVisitor: marked.value,
    shard,
    counts: { total: Number(total.value.views ?? 0), days: table.monthDays(unique ?? month.value) },
  };
}

/** Counts one completed resume download, on the UTC day of `now`. */
export async function recordDownload(now = new Date()): Promise<void> {
  const day = table.utcDay(now);
  await add(table.monthKey(randomInt(table.shardCount()), day), {
    [table.dayAttribute("downloads", day)]: 1,
  });
}
