// The signed timestamp rendered into the form: it proves when the page was served, so a
// submission sent faster than a person could fill the form in is spam, and an old page
// cannot be replayed forever. No session, no cookie, nothing stored.
import { sameSecret, sign } from "./keys";

/** A person needs longer than this to type a name, an address and a message. */
export const MIN_FILL_MS = 3_000;
/** A page left open longer than a day must be reloaded to send. */
export const MAX_AGE_MS = 24 * 60 * 60 * 1000;
// Clocks of the server that rendered the page and the one checking may differ a little.
const CLOCK_SKEW_MS = 60_000;

export type TokenCheck = "ok" | "too-fast" | "expired" | "invalid";

/** `<issued at, base 36 ms>.<signature>`: short, and opaque enough for a hidden field. */
export function issueFormToken(secret: string, now = Date.now()): string {
  const issued = now.toString(36);
  return `${issued}.${sign(secret, "form-token", issued)}`;
}

export function checkFormToken(secret: string, token: string, now = Date.now()): TokenCheck {
  const match = /^([0-9a-z]{1,12})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match?.[1] || !match[2] || !sameSecret(match[2], sign(secret, "form-token", match[1])))
    return "invalid";
  const age = now - parseInt(match[1], 36);
  if (age < -CLOCK_SKEW_MS) return "invalid";
  if (age < MIN_FILL_MS) return "too-fast";
  if (age > MAX_AGE_MS) return "expired";
  return "ok";
}
