import type { VisitCount } from "@/lib/visits";

const format = new Intl.NumberFormat("en-US");

/** Shows a visit count, or says plainly that it is unavailable. */
export function VisitorCountView({ visits }: { visits: VisitCount }) {
  return (
    <p className="visitor-count" data-testid="visitor-count" data-status={visits.status}>
      {visits.status === "ok" ? (
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

/**
 * Holds the counter's place while the count streams in, at the same height so nothing
 * shifts. No test id: while React swaps it for the count, both are briefly in the DOM.
 */
export function VisitorCountPlaceholder() {
  return (
    <p className="visitor-count" aria-hidden="true">
      Counting visits…
    </p>
  );
}
