// Spam checks that cost a person nothing: a honeypot field they never see, and the
// signed time the form was served (too fast to be typed, or forged). Spam is answered
// exactly like success, so a bot learns nothing from the answer; only a metric counts it.
import { checkFormToken } from "./form-token";
import type { Submission } from "./schema";

export type SpamReason = "honeypot" | "too-fast" | "bad-token";
/** "expired" is a person with an old page, not a bot: they are told to reload. */
export type Screening = { verdict: "ok" } | { verdict: "expired" } | { verdict: "spam"; reason: SpamReason };

export function screenSubmission(submission: Submission, secret: string, now = Date.now()): Screening {
  if (submission.honeypot.trim() !== "") return { verdict: "spam", reason: "honeypot" };
  const token = checkFormToken(secret, submission.token, now);
  if (token === "invalid") return { verdict: "spam", reason: "bad-token" };
  if (token === "too-fast") return { verdict: "spam", reason: "too-fast" };
  if (token === "expired") return { verdict: "expired" };
  return { verdict: "ok" };
}
