// The retry job, run on a schedule (every RETRY_EVERY_MINUTES, retry-schedule.ts, on AWS
// and under `npm start`): sends every undelivered message whose next attempt is due, and reports
// how many are still waiting and how many have waited past the deadline (the alarm's
// metric).
import "server-only";
import { publishMetrics } from "../observability/metrics";
import { logger } from "../observability/request-log";
import { backoffMs, send } from "./delivery";
import { claimAttempt, listPending } from "./messages";

/** A message still undelivered this long after it arrived raises the alarm. */
export const DELIVERY_DEADLINE_MS = 60 * 60_000;
// Keeps one run well inside its timeout and SES's sending rate, even after a long outage.
const MAX_SENDS_PER_RUN = 25;

export type RetryReport = { pending: number; attempted: number; delivered: number; overdue: number };

export async function retryUndelivered(now = Date.now()): Promise<RetryReport> {
  const pending = await listPending();
  const due = pending
    .filter((message) => message.nextAttemptAt <= now)
    .sort((a, b) => a.receivedAt - b.receivedAt)
    .slice(0, MAX_SENDS_PER_RUN);
  const delivered = new Set<string>();
  let attempted = 0;
  for (const message of due) {
    // Another run (or the endpoint) may have taken it since the index was read.
    if (!(await claimAttempt(message, now + backoffMs(message.attempts + 1)))) continue;
    attempted++;
    if (await send(message)) delivered.add(message.id);
  }
  const waiting = pending.filter((message) => !delivered.has(message.id));
  const report = {
    pending: waiting.length,
    attempted,
    delivered: delivered.size,
    overdue: waiting.filter((message) => now - message.receivedAt >= DELIVERY_DEADLINE_MS).length,
  };
  logger.info("contact retry", report);
  publishMetrics({
    UndeliveredMessages: report.pending,
    OverdueMessages: report.overdue,
    MailFailures: attempted - delivered.size,
  });
  return report;
}
