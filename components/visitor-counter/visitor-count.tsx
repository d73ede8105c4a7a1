import { connection } from "next/server";
import { Suspense } from "react";
import { countVisit } from "@/lib/visits";
import { VisitorCountPlaceholder, VisitorCountView } from "./visitor-count-view";

async function CountedVisit() {
  // Each request is a visit: opt out of prerendering so the count is never baked in at build.
  await connection();
  return <VisitorCountView visits={await countVisit()} />;
}

/** Counts this visit and shows the live total; the rest of the page never waits on it. */
export function VisitorCount() {
  return (
    <Suspense fallback={<VisitorCountPlaceholder />}>
      <CountedVisit />
    </Suspense>
  );
}
