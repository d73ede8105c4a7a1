// The owner's daily digest: yesterday's numbers (UTC days, as the counter keeps them)
// in one mail, sent at the hour infra/config.ts sets (and by `npm run digest`).
import "server-only";
import { countReceived } from "../contact/messages";
import { sendToOwner } from "../mail/ses";
import { logger } from "../observability/request-log";
import { readInsights } from "../insights/reads";
import { readVisitSummary } from "../visits/reads";
import { digestMail } from "./digest-mail";

export type Digest = {
  /** The UTC day reported, YYYY-MM-DD. */
  day: string;
  views: number;
  visitors: number;
  downloads: number;
  messages: number;
  totalViews: number;
  /** Where yesterday's visitors came from (lib/insights/), most first, at most TOP_SOURCES. */
  topSources: { source: string; visitors: number; downloads: number }[];
};

/** How many sources the digest lists; `npm run stats` has them all. */
export const TOP_SOURCES = 5;

/** Yesterday's numbers: the visit counters and sources (lib/visits/, lib/insights/) and the messages that arrived. */
export async function collectDigest(now = new Date()): Promise<Digest> {
  const day = new Date(now.getTime() - 86_400_000).toISOString().slice(0, 10);
  const [summary, [insights], messages] = await Promise.all([
    readVisitSummary(now),
    readInsights([day]),
    countReceived(day),
  ]);
  const stats = summary.history.find((entry) => entry.day === day);
  return {
    day,
    views: stats?.views ?? 0,
    visitors: stats?.uniques ?? 0,
    downloads: stats?.downloads ?? 0,
    messages,
    totalViews: summary.total,
    topSources: [...(insights?.sources ?? [])]
      .map(([source, counts]) => ({ source, ...counts }))
      .sort(
        (a, b) => b.visitors - a.visitors || b.downloads - a.downloads || a.source.localeCompare(b.source),
      )
      .slice(0, TOP_SOURCES),
  };
}

/** Collects yesterday's digest and mails it to the owner; returns it with SES's message id. */
export async function sendDailyDigest(now = new Date()): Promise<{ digest: Digest; sesMessageId: string }> {
  const digest = await collectDigest(now);
  const sesMessageId = await sendToOwner(digestMail(digest));
  logger.info("digest sent", { day: digest.day, sesMessageId });
  return { digest, sesMessageId };
}
