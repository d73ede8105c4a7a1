// Lambda entry point for the daily digest (infra/contact.ts schedules it); `npm run
// digest` calls the same handler locally. The schedule's event is `{}`.
import { sendDailyDigest } from "../lib/alerts/digest";

export const handler = async () => {
  const { digest } = await sendDailyDigest();
  return { day: digest.day };
};
