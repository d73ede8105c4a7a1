// The Messages table's layout (docs/contact.md has the reasoning):
//   pk "day#<YYYY-MM-DD>", sk "message#<id>"   one message, under the UTC day it arrived
//                                               (the digest counts a day with one Query)
//   pk "count#<hour>#<id>", sk "n"             an hourly counter: messages from one hashed
//                                               client address, or alert mails sent
// Undelivered messages carry `pending` and `nextAttemptAt`, the keys of the sparse index
// the retry job reads (pending-index.ts); delivery removes both, and the message's content with them.
// Everything expires through TTL on `expiresAt` (epoch seconds).
// No `import "server-only"`: the Pages API download route counts its alert mails here.
import { Resource } from "sst";
/** How long a message (or what is left of it once delivered) is kept. */
export const RETENTION_DAYS = 30;

export const name = () => Resource.Messages.name;

export const messageKey = (day: string, id: string) => ({ pk: `day#${day}`, sk: `message#${id}` });
export const dayPartition = (day: string) => `day#${day}`;
export const counterKey = (hour: string, id: string) => ({ pk: `count#${hour}#${id}`, sk: "n" });

/** Epoch seconds `days` after `from`, for the TTL attribute. */
export const expiresAfter = (from: number, days: number) => Math.floor(from / 1000) + days * 86_400;

/** The UTC hour, as YYYY-MM-DDTHH, and the seconds until the next one starts. */
export function utcHour(now: number): { hour: string; secondsLeft: number } {
  const hour = new Date(now).toISOString().slice(0, 13);
  return { hour, secondsLeft: Math.max(1, Math.ceil((3_600_000 - (now % 3_600_000)) / 1000)) };
}
