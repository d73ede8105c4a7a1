import { connection } from "next/server";
import { Suspense } from "react";
import { recordCurrentPageVisit } from "@/lib/visits/page-visit";
import { LiveVisitorCount } from "./live-visitor-count";
import { VisitorCountPlaceholder } from "./visitor-count-view";
import { VisitsChart } from "./visits-chart";

async function VisitorCountLoaded() {
  // Each request may be a visit: never prerender, so no count is baked in at build time.
  await connection();
  const visit = await recordCurrentPageVisit();
  if (visit.status !== "ok") return <LiveVisitorCount initial={{ status: "unavailable" }} />;
  const { total, today, history } = visit.summary;
  return (
    <>
      <LiveVisitorCount
        initial={{ status: "ok", total, todayViews: today.views, todayUniques: today.uniques }}
      />
      <VisitsChart history={history} />
    </>
  );
}

/** Counts this visit and shows the live total and the last 30 days; the page never waits on it. */
export function VisitorCount() {
  return (
    <Suspense fallback={<VisitorCountPlaceholder />}>
      <VisitorCountLoaded />
    </Suspense>
  );
}
