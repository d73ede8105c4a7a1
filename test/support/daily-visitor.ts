// A visitor as lib/visits/salt.ts would make one, for tests that write the counters
// directly: an id and an address key of the test's choosing, on a day that is not the
// changeover day. By default every visitor has an address of their own.
import type { DailyVisitor } from "@/lib/visits/salt";

export const visitorOn = (day: string, id: string, address = `address-of-${id}`): DailyVisitor => ({
  day,
  id,
  address,
  legacy: false,
});
