// Reading the insights back: every shard's day items for a range of days, summed. Only
// aggregates are read (the owner's report and the digest); no visitor record is.
import "server-only";
import * as visits from "../visits/table";
import { DAILY_SOURCE_CAP, type DayInsights, addItem, emptyDay, insightsKey, isCapped } from "./table";
import { OTHER } from "./source";

/** Called as the read goes on: items read so far, of how many. */
export type Progress = (done: number, total: number) => void;

/**
 * The insights of `days` (YYYY-MM-DD, in order), summed over shards: N × days items, in
 * BatchGets of 100 keys sent four at a time. Each day keeps at most DAILY_SOURCE_CAP
 * named utm and referrer values (the most visited); the rest are added to `other`, as
 * each shard did when it was full.
 */
export async function readInsights(days: string[], progress?: Progress): Promise<DayInsights[]> {
  const keys = days.flatMap((day) =>
    Array.from({ length: visits.shardCount() }, (_, shard) => insightsKey(shard, day)),
  );
  const byDay = new Map(days.map((day) => [day, emptyDay(day)]));
  const chunks = Array.from({ length: Math.ceil(keys.length / 100) }, (_, i) =>
    keys.slice(i * 100, i * 100 + 100),
  );
  let done = 0;
  progress?.(0, keys.length);
  for (let i = 0; i < chunks.length; i += 4) {
    await Promise.all(
      chunks.slice(i, i + 4).map(async (chunk) => {
        const items = (await visits.batchGetAll({ [visits.name()]: chunk }))[visits.name()] ?? [];
        for (const item of items) {
          const day = byDay.get(String(item.sk).slice("day#".length));
          if (day) addItem(day, item);
        }
        done += chunk.length;
        progress?.(done, keys.length);
      }),
    );
  }
  return days.map((day) => foldPastCap(byDay.get(day) ?? emptyDay(day)));
}

/** Shards each take up to the cap: summed, a day keeps the cap's most visited named values. */
function foldPastCap(day: DayInsights): DayInsights {
  const capped = [...day.sources].filter(([source]) => isCapped(source));
  if (capped.length <= DAILY_SOURCE_CAP) return day;
  capped.sort(([, a], [, b]) => b.visitors - a.visitors || b.downloads - a.downloads);
  const other = day.sources.get(OTHER) ?? { visitors: 0, downloads: 0 };
  for (const [source, counts] of capped.slice(DAILY_SOURCE_CAP)) {
    other.visitors += counts.visitors;
    other.downloads += counts.downloads;
    day.sources.delete(source);
  }
  day.sources.set(OTHER, other);
  return day;
}
