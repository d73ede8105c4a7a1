// Lambda entry point for the scheduled retry of undelivered messages (infra/contact.ts).
// The schedule's event is `{}`: nothing in it is needed.
import { retryUndelivered } from "../lib/contact/retry";

export const handler = async () => {
  await retryUndelivered();
};
