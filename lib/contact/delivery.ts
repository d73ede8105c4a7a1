// Delivery that loses nothing: a stored message is sent at once; if SES fails, the
// message stays pending with its next attempt pushed back, and the retry job (retry.ts)
// sends it later, backing off further after each failure.
import "server-only";
import { errorSummary } from "../aws";
import { sendToOwner } from "../mail/ses";
import { messageMail } from "./message-mail";
import { claimAttempt, FIRST_SEND_LEASE_MS, type Message, markDelivered } from "./messages";

/** 1, 2, 4 … minutes after the n-th failed attempt, at most an hour. */
export function backoffMs(attempt: number): number {
  return Math.min(60, 2 ** Math.max(0, attempt - 1)) * 60_000;
}

/** Sends and marks delivered; false if SES failed (the message stays pending). Never throws. */
export async function send(message: Message): Promise<boolean> {
  let sesMessageId: string;
  try {
    sesMessageId = await sendToOwner(messageMail(message));
  } catch (error) {
    // The name only: the message's content and address never go to the logs.
    console.error(`[contact] SES did not take message ${message.id}:`, errorSummary(error));
    return false;
  }
  // Sent. A failure to record it only means the retry job may send it once more.
  await markDelivered(message, sesMessageId).catch((error: unknown) =>
    console.error(`[contact] message ${message.id} sent but not marked delivered:`, errorSummary(error)),
  );
  return true;
}

/** The endpoint's own first attempt, right after storing the message. Never throws. */
export async function sendFirst(message: Message, now = Date.now()): Promise<boolean> {
  if (await send(message)) return true;
  const stored = { ...message, attempts: 0, nextAttemptAt: message.receivedAt + FIRST_SEND_LEASE_MS };
  // Without this the retry job still finds it once the first-send lease ends.
  await claimAttempt(stored, now + backoffMs(1)).catch((error: unknown) =>
    console.error(`[contact] could not schedule message ${message.id}'s retry:`, errorSummary(error)),
  );
  return false;
}
