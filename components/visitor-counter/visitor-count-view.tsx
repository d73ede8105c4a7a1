import type { VisitCount } from "@/lib/visits";

const format = new Intl.NumberFormat("en-US");

/** Shows a visit count, or says plainly that it is unavailable. */
export function VisitorCountView({ visits }: { visits: VisitCount | "loading" }) {
  return (
    <p className="visitor-count" data-testid="visitor-count" data-status={statusOf(visits)}>
      {visits === "loading" ? (
        "Counting visits…"
      ) : visits.status === "ok" ? (
        <>
          <data value={visits.count}>{format.format(visits.count)}</data>{" "}
          {visits.count === 1 ? "visit" : "visits"} so far
        </>
      ) : (
        "Visitor count unavailable right now"
      )}
    </p>
  );
}

function statusOf(visits: VisitCount | "loading"): string {
  return visits === "loading" ? "loading" : visits.status;
}
