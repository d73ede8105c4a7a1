/**
 * What the benchmarks and the reliability tests read back from a running site: the
 * counts `/api/visits` reports, and timed requests.
 */
import type { VisitSummary } from "../../lib/visits/reads";

/** A browser's user agent; `n` makes a distinct visitor (the id hashes IP and user agent). */
export const browserAgent = (n = 0) =>
  `Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.${n}.0 Safari/537.36`;

/** A crawler's user agent: the site renders its pages for it and counts nothing. */
export const BOT_AGENT = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)";

export async function visitSummary(url: string): Promise<VisitSummary> {
  const response = await fetch(`${url}/api/visits`);
  if (!response.ok) throw new Error(`/api/visits answered ${response.status}`);
  return (await response.json()) as VisitSummary;
}

export const totalViews = async (url: string) => (await visitSummary(url)).total;

/**
 * Waits until the total stops moving: requests a load client abandoned at its deadline
 * are still served, and counted, by the site.
 */
export async function settledViews(url: string): Promise<number> {
  let last = await totalViews(url);
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const now = await totalViews(url);
    if (now === last) return now;
    last = now;
  }
}

export type TimedResponse = { status: number; headers: Headers; body: string; ms: number };

/** GET (or another method) with the whole body read, timed from send to last byte. */
export async function timedFetch(url: string, init: RequestInit = {}): Promise<TimedResponse> {
  const started = performance.now();
  const response = await fetch(url, { redirect: "manual", ...init });
  const body = await response.text();
  return { status: response.status, headers: response.headers, body, ms: performance.now() - started };
}

/** The counter's state in a rendered page: "ok", "unavailable", or undefined if absent. */
export function counterStatus(html: string): string | undefined {
  return html.match(/data-testid="visitor-count" data-status="(\w+)"/)?.[1];
}
