import "server-only";
import { Resource } from "sst";
import { readShards } from "./visit-reads";
import { COUNTERS, type DayStats, recordView, type ShardCounts, type StoredView } from "./visit-store";
import { daySalt, utcDay, visitorId } from "./visitor-hash";
import { classifyVisit, type VisitRequest } from "./visitor-request";

export const HISTORY_DAYS = 30;

export type VisitSummary = { total: number; today: DayStats; history: DayStats[] };

/** The last `count` UTC days, oldest first, ending today. */
export function lastDays(now: Date, count = HISTORY_DAYS): string[] {
  return Array.from({ length: count }, (_, i) =>
    utcDay(new Date(now.getTime() - (count - 1 - i) * 86_400_000)),
  );
}

/** Lifetime views, today's stats and the last 30 days, summed over the shards. */
export async function readVisitSummary(now = new Date()): Promise<VisitSummary> {
  const days = lastDays(now);
  return summarize(days, await readShards(days));
}

/** A counted view, and whether it was the visitor's first of the UTC day. */
export type RecordedView = Pick<StoredView, "newVisitor">;

/** Records the request as a view if it is a human visit; false when it did not count. */
export async function recordVisit(request: VisitRequest, now = new Date()): Promise<StoredView | false> {
  const verdict = classifyVisit(request);
  if (!verdict.count) return false;
  const day = utcDay(now);
  const id = visitorId(daySalt(Resource.VisitorSalt.value, day), verdict.clientIp, verdict.userAgent);
  return recordView(day, id);
}

/** What a page request did: `view` is undefined when the write failed, `summary` when anything did. */
export type CountedVisit = { view?: RecordedView | false; summary?: VisitSummary; error?: unknown };

/**
 * Records the request (if it counts) and reads the summary in the same round trip. The
 * read runs beside the writes, so for the shard this view went to it may or may not see
 * them; the writes return that shard's items as they left them. Counters only grow, so
 * the larger of the two is the newer: the summary always includes this view.
 */
export async function recordVisitAndRead(request: VisitRequest, now = new Date()): Promise<CountedVisit> {
  const days = lastDays(now);
  const [recorded, read] = await Promise.allSettled([recordVisit(request, now), readShards(days)]);
  if (recorded.status === "rejected") return { error: recorded.reason };
  const view = recorded.value && { newVisitor: recorded.value.newVisitor };
  if (read.status === "rejected") return { view, error: read.reason };
  const shards = read.value;
  const written = recorded.value;
  if (written) shards[written.shard] = newest(shards[written.shard], written.counts);
  return { view, summary: summarize(days, shards) };
}

function newest(read: ShardCounts | undefined, written: ShardCounts): ShardCounts {
  const days = new Map(read?.days);
  for (const [day, stats] of written.days) {
    const newer = { ...stats };
    for (const counter of COUNTERS) newer[counter] = Math.max(stats[counter], days.get(day)?.[counter] ?? 0);
    days.set(day, newer);
  }
  return { total: Math.max(written.total, read?.total ?? 0), days };
}

/** Sums the shards, and lays the 30 days out oldest first, empty days as zeros. */
function summarize(days: string[], shards: ShardCounts[]): VisitSummary {
  const history = days.map((day) => {
    const sum: DayStats = { day, views: 0, uniques: 0, downloads: 0 };
    for (const shard of shards) {
      const stats = shard.days.get(day);
      for (const counter of COUNTERS) sum[counter] += stats?.[counter] ?? 0;
    }
    return sum;
  });
  const total = shards.reduce((sum, shard) => sum + shard.total, 0);
  const today = history.at(-1) ?? { day: utcDay(new Date()), views: 0, uniques: 0, downloads: 0 };
  return { total, today, history };
}
