"use client";

// A client component, though it has no state or effect: a server component's output
// travels twice, as HTML and again as React's payload for hydration (about 15 KB for the
// chart's 60 bars and 30-row table); a client component's travels once, as HTML, with
// only its props (30 days of numbers, under 2 KB) in the payload. Its code is about 1 KB
// more JavaScript, cached by the browser.
import { formatCount } from "@/lib/format";
import type { VisitSummary } from "@/lib/visits/reads";

type DayStats = VisitSummary["today"];

const WIDTH = 600;
const HEIGHT = 120;

/** A server-rendered bar chart of daily views (light) and unique visitors (dark), no script. */
export function VisitsChart({ history }: { history: DayStats[] }) {
  const max = Math.max(1, ...history.map((day) => day.views));
  const slot = WIDTH / Math.max(1, history.length);
  const totals = history.reduce(
    (sum, day) => ({
      views: sum.views + day.views,
      uniques: sum.uniques + day.uniques,
      downloads: sum.downloads + day.downloads,
    }),
    { views: 0, uniques: 0, downloads: 0 },
  );
  const busiest = history.reduce<DayStats | undefined>(
    (top, day) => (!top || day.views > top.views ? day : top),
    undefined,
  );
  const summary =
    `Last ${history.length} days: ${formatCount(totals.views)} views, ${formatCount(totals.uniques)} daily unique visitors, ` +
    `${formatCount(totals.downloads)} resume downloads` +
    (busiest && busiest.views > 0
      ? `; busiest day ${busiest.day} with ${formatCount(busiest.views)} views.`
      : ".");

  return (
    <figure className="visits-chart">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={summary} preserveAspectRatio="none">
        {history.map((day, i) => {
          const views = (day.views / max) * (HEIGHT - 4);
          const uniques = (day.uniques / max) * (HEIGHT - 4);
          return (
            <g key={day.day}>
              <rect
                className="bar-views"
                x={i * slot + 1}
                y={HEIGHT - views}
                width={slot - 2}
                height={views}
              />
              <rect
                className="bar-uniques"
                x={i * slot + slot / 4}
                y={HEIGHT - uniques}
                width={slot / 2}
                height={uniques}
              />
            </g>
          );
        })}
      </svg>
      <figcaption>{summary}</figcaption>
      <details>
        <summary>Daily numbers</summary>
        <table>
          <thead>
            <tr>
              <th scope="col">Day (UTC)</th>
              <th scope="col">Views</th>
              <th scope="col">Unique visitors</th>
              <th scope="col">Resume downloads</th>
            </tr>
          </thead>
          <tbody>
            {history.map((day) => (
              <tr key={day.day}>
                <th scope="row">{day.day}</th>
                <td>{day.views}</td>
                <td>{day.uniques}</td>
                <td>{day.downloads}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
