import { createHmac } from "node:crypto";

/** The UTC calendar day, as YYYY-MM-DD. */
export function utcDay(at: Date = new Date()): string {
  return at.toISOString().slice(0, 10);
}

/**
 * Today's salt: HMAC(secret, day). It rotates daily, and without the secret no day's
 * salt, earlier or later, can be derived from another's.
 */
export function daySalt(secret: string, day: string): Buffer {
  return createHmac("sha256", secret).update(`visitor-salt:${day}`).digest();
}

/** An opaque per-day visitor id; the IP and user agent cannot be recovered from it. */
export function visitorId(salt: Buffer, clientIp: string, userAgent: string): string {
  return createHmac("sha256", salt).update(clientIp).update("\n").update(userAgent).digest("base64url");
}
