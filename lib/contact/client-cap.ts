// A per-client limit on messages per hour. The client is its address as the platform
// vouches for it (lib/visits/visitor.ts), stored only as a keyed hash that changes every
// hour, inside a counter that deletes itself by TTL: no address is ever stored.
import "server-only";
import { countThisHour } from "./hourly-count";
import { sign } from "./keys";
import { utcHour } from "./table";

/** A person rarely writes more than once; an office behind one address, a few times. */
export const MESSAGES_PER_CLIENT_PER_HOUR = 5;

export type Admission = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export async function admitClient(clientIp: string, secret: string, now = Date.now()): Promise<Admission> {
  const { hour } = utcHour(now);
  // 128 bits of the hash: unguessable without the secret, and never the same two hours running.
  const id = `client-${sign(secret, "client-cap", `${hour}\n${clientIp}`).slice(0, 22)}`;
  const { count, secondsLeft } = await countThisHour(id, now);
  return count <= MESSAGES_PER_CLIENT_PER_HOUR
    ? { allowed: true }
    : { allowed: false, retryAfterSeconds: secondsLeft };
}
