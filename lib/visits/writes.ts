// The visit counters' writes: views, unique visitors and downloads in Visits, all
// `UpdateItem … ADD` (never read-then-write), and the daily visitor records and address
// caps in DailyVisitors. No `import "server-only"`: the Pages API download route
// records downloads here (the lint rule keeps components/ away).
import { randomInt, randomUUID } from "node:crypto";
import { UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { recordDownloadInsights, recordViewInsights, SOURCE_ATTRIBUTE } from "../insights/record";
import type { ViewSource } from "../insights/view-source";
import * as table from "./table";
import type { DailyVisitor } from "./salt";
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
 * Marks the visitor's daily record (`mark`: "token" for their first view, "download" for
 * their first download); true only for the first of the day. The record keeps the token
 * of the request that set the mark (`if_not_exists`), and the write returns the record:
 * our token back means we were first. Writing it again is harmless, so a write whose
 * answer was lost is simply sent once more, and still tells. A first view also keeps its
 * source there (`if_not_exists` too), which the returned record gives a download.
 */
async function markVisitor(
  visitor: DailyVisitor,
  mark: "token" | "download",
  source?: string,
): Promise<{ first: boolean; record: Record<string, unknown> }> {
  const token = randomUUID();
  const keep = source === undefined ? "" : ", #source = if_not_exists(#source, :source)";
  const { Attributes } = await resentIfLost(() =>
    table.dynamoWrites.send(
      new UpdateCommand({
        // The changeover day's records are in Visits, with that day's earlier ones.
        TableName: visitor.legacy ? table.name() : table.dailyName(),
        Key: table.visitorKey(visitor.day, visitor.id),
        UpdateExpression: `SET #mark = if_not_exists(#mark, :token), #expires = :expires${keep}`,
        ExpressionAttributeNames: {
          "#mark": mark,
          "#expires": table.TTL_ATTRIBUTE,
          ...(source === undefined ? {} : { "#source": SOURCE_ATTRIBUTE }),
        },
        ExpressionAttributeValues: {
          ":token": token,
          ":expires": table.dayExpiry(visitor.day),
          ...(source === undefined ? {} : { ":source": source }),
        },
        ReturnValues: "ALL_NEW",
      }),
    ),
  );
  return { first: Attributes?.[mark] === token, record: Attributes ?? {} };
}

/**
 * Whether the visitor is among the first `addressCap()` of their address today: their
 * id (its first 16 characters, 96 bits) joins the address's set unless the set is full.
 * Adding to a set is idempotent, so a lost answer is resent too.
 */
async function admitToAddress(visitor: DailyVisitor): Promise<boolean> {
  try {
    await resentIfLost(() =>
      table.dynamoWrites.send(
        new UpdateCommand({
          TableName: table.dailyName(),
          Key: table.addressKey(visitor.day, visitor.address),
          UpdateExpression: "ADD #ids :id SET #expires = :expires",
          ConditionExpression: "attribute_not_exists(#ids) OR size(#ids) < :cap OR contains(#ids, :short)",
          ExpressionAttributeNames: { "#ids": "ids", "#expires": table.TTL_ATTRIBUTE },
          ExpressionAttributeValues: {
            ":id": new Set([visitor.id.slice(0, 16)]),
            ":short": visitor.id.slice(0, 16),
            ":cap": table.addressCap(),
            ":expires": table.dayExpiry(visitor.day),
          },
        }),
      ),
    );
    return true;
  } catch (error) {
    if (table.conditionFailed(error)) return false;
    throw error;
  }
}

async function resentIfLost<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (!table.answerLost(error)) throw error;
    return write();
  }
}

/**
 * A recorded view: whether it counted as a new unique visitor, whether it would have but
 * the address's cap stopped it, and its shard as the writes left it.
 */
export type RecordedView = { newVisitor: boolean; capped: boolean; shard: number; counts: ShardCounts };

/**
 * Counts one view: the daily record's mark, the address's cap and both view increments
 * go out together (one round trip); a first view of the day within the cap adds a unique
 * in a second, and its source and country beside it (lib/insights/). The increments
 * return the items they left, so the caller knows this shard's counts without reading
 * it again.
 */
export async function recordView(visitor: DailyVisitor, origin?: ViewSource): Promise<RecordedView> {
  const { day } = visitor;
  const shard = randomInt(table.shardCount());
  const [marked, admitted, total, month] = await Promise.allSettled([
    markVisitor(visitor, "token", origin?.stored).then((mark) => mark.first),
    admitToAddress(visitor),
    add(table.totalKey(shard), { views: 1 }),
    add(table.monthKey(shard, day), { [table.dayAttribute("views", day)]: 1 }),
  ]);
  if (marked.status === "rejected") throw marked.reason;
  if (admitted.status === "rejected") throw admitted.reason;
  const newVisitor = marked.value && admitted.value;
  // A first visit counts as one even when a view ADD beside it failed (it may well have
  // been applied): that failure is still reported, after the unique is recorded.
  const [unique] = newVisitor
    ? await Promise.all([
        add(table.monthKey(shard, day), { [table.dayAttribute("uniques", day)]: 1 }),
        origin && recordViewInsights(visitor, origin),
      ])
    : [undefined];
  if (total.status === "rejected") throw total.reason;
  if (month.status === "rejected") throw month.reason;
  return {
    newVisitor,
    capped: marked.value && !admitted.value,
    shard,
    counts: { total: Number(total.value.views ?? 0), days: table.monthDays(unique ?? month.value) },
  };
}

/**
 * Counts one completed resume download, at most once per visitor per day (their daily
 * record's `download` mark); true when it counted. It counts under the source the record
 * kept from the visitor's first view that day (lib/insights/), in the same round trip.
 */
export async function recordDownload(visitor: DailyVisitor): Promise<boolean> {
  const { first, record } = await markVisitor(visitor, "download");
  if (!first) return false;
  await Promise.all([
    add(table.monthKey(randomInt(table.shardCount()), visitor.day), {
      [table.dayAttribute("downloads", visitor.day)]: 1,
    }),
    recordDownloadInsights(visitor, record[SOURCE_ATTRIBUTE]),
  ]);
  return true;
}
