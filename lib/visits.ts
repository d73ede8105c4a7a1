import "server-only";
import { Resource } from "sst";
import { type DayStats, readShards, recordView } from "./visit-store";
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

// Past days barely change (a download at midnight, at most), so each server instance
// keeps them for a few minutes: a page view then reads 2N items, not 30N.
const PAST_DAYS_TTL_MS = 5 * 60_000;
let pastDays: { key: string; days: DayStats[]; at: number } | undefined;

/** Lifetime views, today's stats and the last 30 days, summed over the shards. */
export async function readVisitSummary(now = new Date()): Promise<VisitSummary> {
  const days = lastDays(now);
  const past = days.slice(0, -1);
  const today = days.at(-1) ?? utcDay(now);
  const cached =
    pastDays?.key === past.join() && Date.now() - pastDays.at < PAST_DAYS_TTL_MS ? pastDays : undefined;
  const [current, history] = await Promise.all([
    readShards([today]),
    cached ? Promise.resolve(cached.days) : readShards(past).then((result) => result.days),
  ]);
  if (!cached) pastDays = { key: past.join(), days: history, at: Date.now() };
  const todayStats = current.days[0] ?? { day: today, views: 0, uniques: 0, downloads: 0 };
  return { total: current.total, today: todayStats, history: [...history, todayStats] };
}

/** A counted view, and whether it was the visitor's first of the UTC day. */
export type RecordedView = { newVisitor: boolean };

/** Records the request as a view if it is a human visit; false when it did not count. */
export async function recordVisit(request: VisitRequest, now = new Date()): Promise<RecordedView | false> {
  const verdict = classifyVisit(request);
  if (!verdict.count) return false;
  const day = utcDay(now);
  const id = visitorId(daySalt(Resource.VisitorSalt.value, day), verdict.clientIp, verdict.userAgent);
  return recordView(day, id);
}
