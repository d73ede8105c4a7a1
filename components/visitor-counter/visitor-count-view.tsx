import { formatCount } from "@/lib/format";

export type CountShown =
  { status: "ok"; total: number; todayViews: number; todayUniques: number } | { status: "unavailable" };

/** Shows the visit count, or says plainly that it is unavailable. */
export function VisitorCountView({ count }: { count: CountShown }) {
  return (
    <p className="visitor-count" data-testid="visitor-count" data-status={count.status} aria-live="polite">
      {count.status === "ok" ? (
        <>
          <data value={count.total}>{formatCount(count.total)}</data> {count.total === 1 ? "visit" : "visits"}{" "}
          so far
          <span className="visitor-today">
            {" "}
            · {formatCount(count.todayViews)} today from {formatCount(count.todayUniques)}{" "}
            {count.todayUniques === 1 ? "visitor" : "visitors"}
          </span>
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
