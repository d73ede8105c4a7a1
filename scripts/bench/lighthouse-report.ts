import type { Result } from "lighthouse";

export type FirstLoadJs = { files: number; transferBytes: number; resourceBytes: number };

type NetworkRequest = { resourceType?: string; transferSize?: number; resourceSize?: number };

/**
 * The JavaScript the page downloaded while Lighthouse loaded it: what a first visit
 * costs. Taken from Lighthouse's own network log rather than from the HTML, so chunks
 * loaded by other chunks count too.
 */
export function firstLoadJs(lhr: Result): FirstLoadJs {
  const details = lhr.audits["network-requests"]?.details;
  const items = (details && "items" in details ? details.items : []) as NetworkRequest[];
  const scripts = items.filter((item) => item.resourceType === "Script");
  return {
    files: scripts.length,
    transferBytes: scripts.reduce((sum, item) => sum + (item.transferSize ?? 0), 0),
    resourceBytes: scripts.reduce((sum, item) => sum + (item.resourceSize ?? 0), 0),
  };
}

/** The middle value (the lower middle of an even count): a score one run really had. */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? Number.NaN;
}

const METRICS = {
  "first-contentful-paint": "FCP",
  "largest-contentful-paint": "LCP",
  "total-blocking-time": "TBT",
  "cumulative-layout-shift": "CLS",
  "speed-index": "SI",
} as const;

/** The performance score's inputs, as Lighthouse displays them: what moved when it moves. */
export function metricsLine(lhr: Result): string {
  return Object.entries(METRICS)
    .map(([id, label]) => `${label} ${lhr.audits[id]?.displayValue ?? "?"}`)
    .join(", ");
}
