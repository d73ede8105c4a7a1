// Where the owner's insights live in the Visits table (docs/visits.md, "Insights"):
//   pk "insights#<i>", sk "day#YYYY-MM-DD"   one day's sources and countries in shard i:
//       "u:<source>"  visitors whose first view that day came from <source>
//       "d:<source>"  resume downloads counted under <source>
//       "c:<country>" visitors from <country> (ISO code, or "unknown")
//       "names"       string set of the capped values (utm:…, ref:…) this shard took that day
//   pk "links", sk "all"                     the attribution links: "link:<tag>" = { label, created }
// Written only on a visitor's first view of the day and on a download, never per view.
// Sharded like the counters (a random shard of VISIT_SHARDS per write), so a day's item
// is not one partition's hot spot, and kept small: one item per day, not per month.
import type { Country, Source } from "./source";

/** The day's item of one shard. */
export const insightsKey = (shard: number, day: string) => ({ pk: `insights#${shard}`, sk: `day#${day}` });

/**
 * At most this many distinct utm and referrer values per shard and day; more go to
 * `other`. Strangers choose those values (any referrer, any utm_source), so they are
 * bounded; attribution tags (the owner's), `direct`, `other` and countries are not.
 */
export const DAILY_SOURCE_CAP = 50;

/** The set of capped values a shard took that day: its size is what the cap checks. */
export const NAMES_ATTRIBUTE = "names";

/** Values strangers choose, which count against the cap. */
export const isCapped = (source: Source) => source.startsWith("utm:") || source.startsWith("ref:");

export const visitorsAttribute = (source: Source) => `u:${source}`;
export const downloadsAttribute = (source: Source) => `d:${source}`;
export const countryAttribute = (country: Country) => `c:${country}`;

/** One day's insights, summed over shards or as one shard holds them. */
export type DayInsights = {
  day: string;
  /** Per source: visitors (first views) and downloads. */
  sources: Map<Source, { visitors: number; downloads: number }>;
  /** Visitors per country. */
  countries: Map<Country, number>;
};

export const emptyDay = (day: string): DayInsights => ({ day, sources: new Map(), countries: new Map() });

/** Adds one stored item's counters to a day's insights. */
export function addItem(into: DayInsights, item: Record<string, unknown>): DayInsights {
  for (const [name, value] of Object.entries(item)) {
    const count = Number(value);
    if (name.startsWith("c:")) {
      const country = name.slice(2);
      into.countries.set(country, (into.countries.get(country) ?? 0) + count);
    } else if (name.startsWith("u:") || name.startsWith("d:")) {
      const source = name.slice(2);
      const entry = into.sources.get(source) ?? { visitors: 0, downloads: 0 };
      if (name.startsWith("u:")) entry.visitors += count;
      else entry.downloads += count;
      into.sources.set(source, entry);
    }
  }
  return into;
}

/** The item that holds the attribution links. */
export const LINKS_KEY = { pk: "links", sk: "all" } as const;
/** At most this many links: their item is read whenever an unknown tag shows up, so it stays small. */
export const MAX_LINKS = 100;
export const MAX_LABEL = 100;
/** The set of tags, so the item's size (and the cap) is checked in the write itself. */
export const TAGS_ATTRIBUTE = "tags";
export const linkAttribute = (tag: string) => `link:${tag}`;

export type Link = { tag: string; label: string; created: string };

/** The links an item holds, oldest first. */
export function linksOf(item: Record<string, unknown> | undefined): Link[] {
  return Object.entries(item ?? {})
    .filter(([name]) => name.startsWith("link:"))
    .map(([name, value]) => {
      const { label, created } = (value ?? {}) as { label?: unknown; created?: unknown };
      return { tag: name.slice(5), label: String(label ?? ""), created: String(created ?? "") };
    })
    .sort((a, b) => a.created.localeCompare(b.created) || a.tag.localeCompare(b.tag));
}
