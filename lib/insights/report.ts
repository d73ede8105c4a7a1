// The owner's report (`npm run stats`): daily views, visitors and downloads, then where
// visitors came from and what they downloaded, per source, per attribution link and per
// country, over a range of days. Pure: built from aggregates read elsewhere.
import type { DayStats } from "../visits/table";
import type { DayInsights, Link } from "./table";

export type SourceRow = { source: string; visitors: number; downloads: number; downloadRate: number };
export type LinkRow = Link & { url: string; visitors: number; downloads: number; downloadRate: number };

export type Report = {
  from: string;
  to: string;
  days: { day: string; views: number; visitors: number; downloads: number }[];
  totals: { views: number; visitors: number; downloads: number };
  /** Most visitors first (then downloads, then name). */
  sources: SourceRow[];
  /** Every attribution link, oldest first, with what came through it in the range. */
  links: LinkRow[];
  /** Most visitors first. */
  countries: { country: string; visitors: number }[];
};

/** Downloads per visitor, to two decimals (0 without visitors: downloads with no view are `direct`'s). */
const rate = (downloads: number, visitors: number) =>
  visitors === 0 ? 0 : Math.round((downloads / visitors) * 100) / 100;

export function buildReport(
  stats: DayStats[],
  insights: DayInsights[],
  links: Link[],
  linkUrl: (tag: string) => string,
): Report {
  const days = stats.map(({ day, views, uniques, downloads }) => ({
    day,
    views,
    visitors: uniques,
    downloads,
  }));
  const sources = new Map<string, { visitors: number; downloads: number }>();
  const countries = new Map<string, number>();
  for (const day of insights) {
    for (const [source, counts] of day.sources) {
      const sum = sources.get(source) ?? { visitors: 0, downloads: 0 };
      sum.visitors += counts.visitors;
      sum.downloads += counts.downloads;
      sources.set(source, sum);
    }
    for (const [country, visitors] of day.countries)
      countries.set(country, (countries.get(country) ?? 0) + visitors);
  }
  const sum = (key: "views" | "visitors" | "downloads") => days.reduce((total, day) => total + day[key], 0);
  return {
    from: days[0]?.day ?? "",
    to: days.at(-1)?.day ?? "",
    days,
    totals: { views: sum("views"), visitors: sum("visitors"), downloads: sum("downloads") },
    sources: [...sources]
      .map(([source, { visitors, downloads }]) => ({
        source,
        visitors,
        downloads,
        downloadRate: rate(downloads, visitors),
      }))
      .sort(
        (a, b) => b.visitors - a.visitors || b.downloads - a.downloads || a.source.localeCompare(b.source),
      ),
    links: links.map((link) => {
      const { visitors, downloads } = sources.get(`via:${link.tag}`) ?? { visitors: 0, downloads: 0 };
      return {
        ...link,
        url: linkUrl(link.tag),
        visitors,
        downloads,
        downloadRate: rate(downloads, visitors),
      };
    }),
    countries: [...countries]
      .map(([country, visitors]) => ({ country, visitors }))
      .sort((a, b) => b.visitors - a.visitors || a.country.localeCompare(b.country)),
  };
}
